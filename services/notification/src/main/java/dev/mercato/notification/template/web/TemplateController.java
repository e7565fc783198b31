package dev.mercato.notification.template.web;

import java.util.List;

import dev.mercato.notification.template.InvalidTemplateException;
import dev.mercato.notification.template.TemplateKey;
import dev.mercato.notification.template.TemplateService;
import dev.mercato.platform.security.CurrentUser;
import dev.mercato.platform.web.NotFoundException;
import dev.mercato.platform.web.Problems;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications/templates")
class TemplateController {

	private final TemplateService templates;

	TemplateController(TemplateService templates) {
		this.templates = templates;
	}

	@GetMapping
	List<TemplateResponse> all(CurrentUser user) {
		requireAdmin(user);
		return this.templates.all().stream().map(TemplateResponse::of).toList();
	}

	@GetMapping("/{key}")
	TemplateResponse one(@PathVariable String key, CurrentUser user) {
		requireAdmin(user);
		TemplateKey templateKey = TemplateKey.parse(key);
		return this.templates.find(templateKey)
			.map(TemplateResponse::of)
			.orElseThrow(() -> new NotFoundException("TEMPLATE_NOT_FOUND",
					"No template " + templateKey + " exists yet: PUT one to create it"));
	}

	@PutMapping("/{key}")
	TemplateResponse save(@PathVariable String key, @Valid @RequestBody TemplateRequest request, CurrentUser user) {
		requireAdmin(user);
		TemplateKey templateKey = TemplateKey.parse(key);
		String html = (request.html() == null || request.html().isBlank()) ? null : request.html();
		return TemplateResponse.of(this.templates.save(templateKey, request.subject(), html, request.text(),
				request.enabled() == null || request.enabled(), user.id()));
	}

	// the platform advice answers ApiExceptions without errors[]: say which part failed
	@ExceptionHandler(InvalidTemplateException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidTemplateException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ex.getCode(),
				"The template does not render with the variables of its event.");
		Problems.withErrors(problem, ex.errors());
		Problems.withCorrelation(problem);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only admins manage notification templates");
		}
	}

}
