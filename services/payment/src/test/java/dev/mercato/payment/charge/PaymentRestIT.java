package dev.mercato.payment.charge;

import java.util.Map;
import java.util.UUID;

import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.payment.PaymentITSupport;
import dev.mercato.payment.provider.sandbox.TestCards;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API of payments: the owner or an admin reads a payment with its transactions
 * and refunds; admins refund with an Idempotency-Key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class PaymentRestIT extends PaymentITSupport {

	@Test
	void theOwnerAndAdminsReadAPaymentOthersDoNot() {
		UUID owner = UUID.randomUUID();
		UUID order = UUID.randomUUID();
		ChargeResponse charge = this.payments.chargeToken(order, owner, 1250, token(TestCards.SUCCEEDS));

		ResponseEntity<JsonNode> byOrder = call(HttpMethod.GET, "/api/payments?orderId=" + order, customer(owner),
				null);
		assertThat(byOrder.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(byOrder.getBody().get("total").asInt()).isOne();
		JsonNode payment = byOrder.getBody().get("items").get(0);
		assertThat(payment.get("id").asString()).isEqualTo(charge.getPaymentId());
		assertThat(payment.get("status").asString()).isEqualTo("CAPTURED");
		assertThat(payment.get("amount").toString()).isEqualTo("{\"amount\":\"12.50\",\"currency\":\"USD\"}");
		assertThat(payment.get("transactions").get(0).get("type").asString()).isEqualTo("CHARGE");
		assertThat(payment.get("refunds").size()).isZero();

		assertThat(
				call(HttpMethod.GET, "/api/payments/" + charge.getPaymentId(), customer(owner), null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(call(HttpMethod.GET, "/api/payments/" + charge.getPaymentId(), admin(), null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<JsonNode> admins = call(HttpMethod.GET, "/api/payments?orderId=" + order, admin(), null);
		assertThat(admins.getBody().get("total").asInt()).isOne();

		String stranger = customer(UUID.randomUUID());
		assertProblem(call(HttpMethod.GET, "/api/payments/" + charge.getPaymentId(), stranger, null),
				HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND");
		assertThat(
				call(HttpMethod.GET, "/api/payments?orderId=" + order, stranger, null).getBody().get("total").asInt())
			.isZero();
		assertThat(call(HttpMethod.GET, "/api/payments/" + charge.getPaymentId(), null, null).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(call(HttpMethod.GET, "/api/payments?orderId=nope", customer(owner), null).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void adminsRefundOnceperIdempotencyKey() {
		UUID owner = UUID.randomUUID();
		ChargeResponse charge = this.payments.chargeToken(UUID.randomUUID(), owner, 4000, token(TestCards.SUCCEEDS));
		String path = "/api/payments/" + charge.getPaymentId() + "/refunds";
		Map<String, Object> body = Map.of("amount", Map.of("amount", "15.00", "currency", "USD"), "reason",
				"damaged item");
		Map<String, String> key = Map.of("Idempotency-Key", "k-" + UUID.randomUUID());
		String admin = admin();

		ResponseEntity<JsonNode> first = call(HttpMethod.POST, path, admin, body, key);
		ResponseEntity<JsonNode> again = call(HttpMethod.POST, path, admin, body, key);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(first.getBody().get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(first.getBody().get("amount").get("amount").asString()).isEqualTo("15.00");
		assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
		assertThat(outbox("mercato.payment.refunded.v1", charge.getPaymentId())).isOne();

		assertProblem(
				call(HttpMethod.POST, path, admin,
						Map.of("amount", Map.of("amount", "25.01", "currency", "USD"), "reason", "too much")),
				HttpStatus.UNPROCESSABLE_CONTENT, "REFUND_EXCEEDS_CAPTURED");
		assertProblem(
				call(HttpMethod.POST, path, admin,
						Map.of("amount", Map.of("amount", "1.00", "currency", "EUR"), "reason", "wrong currency")),
				HttpStatus.BAD_REQUEST, "CURRENCY_MISMATCH");
		assertProblem(
				call(HttpMethod.POST, path, admin,
						Map.of("amount", Map.of("amount", "-1", "currency", "USD"), "reason", "negative")),
				HttpStatus.BAD_REQUEST, null);
		assertProblem(call(HttpMethod.POST, path, admin, Map.of("amount", Map.of("amount", "1.00", "currency", "USD"))),
				HttpStatus.BAD_REQUEST, null);
		assertProblem(call(HttpMethod.POST, path, customer(owner), body), HttpStatus.FORBIDDEN, null);
		assertProblem(call(HttpMethod.POST, "/api/payments/" + UUID.randomUUID() + "/refunds", admin, body),
				HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND");

		// the rest, without an amount
		ResponseEntity<JsonNode> rest = call(HttpMethod.POST, path, admin, Map.of("reason", "order cancelled"));
		assertThat(rest.getBody().get("amount").get("amount").asString()).isEqualTo("25.00");
		JsonNode payment = call(HttpMethod.GET, "/api/payments/" + charge.getPaymentId(), customer(owner), null)
			.getBody();
		assertThat(payment.get("status").asString()).isEqualTo("REFUNDED");
		assertThat(payment.get("refundedAmount").get("amount").asString()).isEqualTo("40.00");
		assertThat(payment.get("refunds").size()).isEqualTo(2);
		assertThat(payment.get("transactions").size()).isEqualTo(3);
	}

	static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		if (code != null) {
			assertThat(response.getBody().get("code").asString()).isEqualTo(code);
		}
	}

}
