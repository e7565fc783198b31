package dev.mercato.notification.template.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.notification.Channel;
import dev.mercato.notification.event.EventKey;
import dev.mercato.notification.template.Template;
import dev.mercato.notification.template.TemplateKey;
import dev.mercato.notification.template.TemplateRenderer;
import dev.mercato.notification.template.TemplateService;
import dev.mercato.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The template API's HTTP contract: admins only, problem documents for every refusal, the
 * renderer's complaints as {@code errors[]}.
 */
@WebMvcTest(controllers = TemplateController.class)
class TemplateControllerTest {

	static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	static final TemplateKey KEY = new TemplateKey(EventKey.ORDER_PAID, Channel.EMAIL);

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", JWT::jwksUri);
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TemplateService templates;

	@Test
	void anAdminReadsATemplateWithItsVariables() throws Exception {
		given(this.templates.find(KEY)).willReturn(Optional.of(template("Paid {{total}}")));
		this.mvc.perform(get("/api/notifications/templates/order.paid.email").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.key").value("order.paid.email"))
			.andExpect(jsonPath("$.channel").value("email"))
			.andExpect(jsonPath("$.subject").value("Paid {{total}}"))
			.andExpect(jsonPath("$.variables").value(org.hamcrest.Matchers.hasItems("total", "items", "firstName")));
	}

	@Test
	void aTemplateThatDoesNotRenderIsA400NamingThePart() throws Exception {
		// the real renderer's complaint, thrown where the service would throw it
		willAnswer((invocation) -> new TemplateRenderer().render(invocation.getArgument(1), invocation.getArgument(2),
				invocation.getArgument(3), java.util.Map.of()))
			.given(this.templates)
			.save(eq(KEY), any(), any(), any(), eq(true), any());
		this.mvc
			.perform(put("/api/notifications/templates/order.paid.email").header("Authorization", admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\":\"ok\",\"text\":\"{{missing}}\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("TEMPLATE_INVALID"))
			.andExpect(jsonPath("$.errors[0].field").value("text"));
	}

	@Test
	void refusalsAreProblemsAndChangeNothing() throws Exception {
		this.mvc
			.perform(put("/api/notifications/templates/order.paid.email")
				.header("Authorization", "Bearer " + JWT.token(UUID.randomUUID(), "SELLER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\":\"s\",\"text\":\"t\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/notifications/templates")).andExpect(status().isUnauthorized());
		this.mvc
			.perform(put("/api/notifications/templates/order.paid.email").header("Authorization", admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\":\"  \",\"text\":\"t\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		this.mvc
			.perform(put("/api/notifications/templates/order.paid.email").header("Authorization", admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\":"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/notifications/templates/order.paid.pigeon").header("Authorization", admin()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("TEMPLATE_NOT_FOUND"));
		verify(this.templates, never()).save(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean(),
				any());
	}

	@Test
	void theListHasEveryTemplate() throws Exception {
		given(this.templates.all()).willReturn(List.of(template("a"), template("b")));
		this.mvc.perform(get("/api/notifications/templates").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
	}

	private static String admin() {
		return "Bearer " + JWT.token(UUID.randomUUID(), "ADMIN");
	}

	private static Template template(String subject) {
		return new Template(KEY, subject, "<p>x</p>", "x", true, 3, Instant.parse("2026-01-01T00:00:00Z"), null);
	}

}
