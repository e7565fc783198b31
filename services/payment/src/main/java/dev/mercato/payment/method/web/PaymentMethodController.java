package dev.mercato.payment.method.web;

import java.util.List;
import java.util.UUID;

import dev.mercato.payment.method.PaymentMethod;
import dev.mercato.payment.method.PaymentMethodService;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/payment-methods}: a user's own saved methods; another user's is a 404.
 */
@RestController
@RequestMapping("/api/payment-methods")
class PaymentMethodController {

	private final PaymentMethodService methods;

	PaymentMethodController(PaymentMethodService methods) {
		this.methods = methods;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	MethodResponse save(@Valid @RequestBody SaveRequest request, CurrentUser user) {
		return MethodResponse
			.of(this.methods.save(user.id(), request.token(), Boolean.TRUE.equals(request.isDefault())));
	}

	@GetMapping
	List<MethodResponse> list(CurrentUser user) {
		return this.methods.list(user.id()).stream().map(MethodResponse::of).toList();
	}

	@GetMapping("/{id}")
	MethodResponse get(@PathVariable UUID id, CurrentUser user) {
		return MethodResponse.of(this.methods.get(user.id(), id));
	}

	@PutMapping("/{id}/default")
	MethodResponse makeDefault(@PathVariable UUID id, CurrentUser user) {
		return MethodResponse.of(this.methods.makeDefault(user.id(), id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id, CurrentUser user) {
		this.methods.delete(user.id(), id);
	}

	record SaveRequest(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9_]{1,255}", message = "is not a provider token") String token,
			Boolean isDefault) {

	}

	record MethodResponse(UUID id, String brand, String last4, int expMonth, int expYear, boolean isDefault) {

		static MethodResponse of(PaymentMethod method) {
			return new MethodResponse(method.id(), method.brand(), method.last4(), method.expMonth(), method.expYear(),
					method.isDefault());
		}

	}

}
