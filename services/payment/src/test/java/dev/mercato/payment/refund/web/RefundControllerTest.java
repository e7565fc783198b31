package dev.mercato.payment.refund.web;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.Money;
import dev.mercato.payment.PaymentStateException;
import dev.mercato.payment.refund.Refund;
import dev.mercato.payment.refund.RefundService;
import dev.mercato.payment.refund.RefundService.RefundCommand;
import dev.mercato.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The refund API's HTTP contract: admins only, the Idempotency-Key scoped to the payment,
 * problem documents for every refusal, nothing reaches the service on bad input.
 */
@WebMvcTest(controllers = RefundController.class)
class RefundControllerTest {

	static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", JWT::jwksUri);
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RefundService refunds;

	final UUID payment = UUID.randomUUID();

	@Test
	void anAdminRefundsWithTheKeyScopedToThePayment() throws Exception {
		UUID admin = UUID.randomUUID();
		given(this.refunds.refund(any())).willAnswer((invocation) -> {
			RefundCommand command = invocation.getArgument(0);
			return new Refund(UUID.randomUUID(), this.payment, command.requestKey(), command.amount(), command.reason(),
					"SUCCEEDED", "re_1", command.requestedBy(), null, Instant.now(), Instant.now());
		});
		this.mvc
			.perform(post("/api/payments/{id}/refunds", this.payment).header("Authorization", bearer(admin, "ADMIN"))
				.header("Idempotency-Key", "abc")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": {\"amount\": \"5.5\", \"currency\": \"USD\"}, \"reason\": \"broken\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount.amount").value("5.50"))
			.andExpect(jsonPath("$.amount.currency").value("USD"))
			.andExpect(jsonPath("$.status").value("SUCCEEDED"));
		ArgumentCaptor<RefundCommand> command = ArgumentCaptor.forClass(RefundCommand.class);
		then(this.refunds).should().refund(command.capture());
		assertThat(command.getValue().requestKey()).isEqualTo("rest:" + this.payment + ":abc");
		assertThat(command.getValue().amount()).isEqualTo(Money.of("5.50", "USD"));
		assertThat(command.getValue().requestedBy()).isEqualTo(admin.toString());
	}

	@Test
	void customersAndAnonymousCallersAreRefused() throws Exception {
		this.mvc
			.perform(post("/api/payments/{id}/refunds", this.payment)
				.header("Authorization", bearer(UUID.randomUUID(), "CUSTOMER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"mine\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post("/api/payments/{id}/refunds", this.payment).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"mine\"}"))
			.andExpect(status().isUnauthorized());
		verifyNoInteractions(this.refunds);
	}

	@Test
	void badBodiesAre400sThatReachNothing() throws Exception {
		String admin = bearer(UUID.randomUUID(), "ADMIN");
		for (String body : new String[] { "{\"amount\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}",
				"{\"amount\": {\"amount\": \"-1\", \"currency\": \"USD\"}, \"reason\": \"x\"}",
				"{\"amount\": {\"amount\": \"1.001\", \"currency\": \"USD\"}, \"reason\": \"x\"}",
				"{\"amount\": {\"amount\": \"1\", \"currency\": \"usd\"}, \"reason\": \"x\"}", "{not json" }) {
			this.mvc
				.perform(post("/api/payments/{id}/refunds", this.payment).header("Authorization", admin)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		verifyNoInteractions(this.refunds);
	}

	@Test
	void aRefundAboveWhatIsLeftIsA422WithItsCode() throws Exception {
		given(this.refunds.refund(any()))
			.willThrow(new PaymentStateException("REFUND_EXCEEDS_CAPTURED", "The refund exceeds what is left."));
		this.mvc
			.perform(post("/api/payments/{id}/refunds", this.payment)
				.header("Authorization", bearer(UUID.randomUUID(), "ADMIN"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": {\"amount\": \"999.00\", \"currency\": \"USD\"}, \"reason\": \"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("REFUND_EXCEEDS_CAPTURED"));
	}

	private static String bearer(UUID user, String role) {
		return "Bearer " + JWT.token(user, role);
	}

}
