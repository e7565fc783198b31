package dev.mercato.payment.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.PaymentITSupport;
import dev.mercato.payment.provider.WebhookSignature;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint: signatures checked (secret and timestamp), each provider event
 * applied once, out-of-order events never undo a final outcome.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "mercato.payment.sandbox.webhook-secret=" + WebhookIT.SECRET })
@IsolatedInfrastructure
class WebhookIT extends PaymentITSupport {

	static final String SECRET = "whsec_it_0123456789";

	static final String PATH = "/api/payments/webhooks/sandbox";

	@Test
	void aBadSignatureIs400AndChangesNothing() {
		UUID order = pendingPayment(1500);
		String eventId = "evt_" + UUID.randomUUID();
		String body = intentEvent(eventId, "payment_intent.succeeded", order, Instant.now(), null);

		assertRejected(post(body, WebhookSignature.sign(body, "whsec_wrong", Instant.now())));
		assertRejected(post(body, null));
		assertRejected(post(body, "t=" + Instant.now().getEpochSecond() + ",v1=deadbeef"));
		// the right secret, but signed ten minutes ago: a replay of a captured request
		assertRejected(post(body, WebhookSignature.sign(body, SECRET, Instant.now().minus(Duration.ofMinutes(10)))));
		// a body changed after signing
		String signed = WebhookSignature.sign(body, SECRET, Instant.now());
		assertRejected(post(body.replace("payment_intent.succeeded", "payment_intent.payment_failed"), signed));

		assertThat(status(order)).isEqualTo("PENDING");
		assertThat(count("select count(*) from webhook_events where event_id = ?", eventId)).isZero();
		assertThat(outbox("mercato.payment.processed.v1", paymentId(order))).isZero();
	}

	@Test
	void aValidWebhookCompletesAPendingPaymentAndAReplayHasNoSecondEffect() {
		UUID order = pendingPayment(1500);
		String eventId = "evt_" + UUID.randomUUID();
		String body = intentEvent(eventId, "payment_intent.succeeded", order, Instant.now(), null);

		ResponseEntity<JsonNode> first = post(body, WebhookSignature.sign(body, SECRET, Instant.now()));
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody().get("outcome").asString()).isEqualTo("APPLIED");
		assertThat(status(order)).isEqualTo("CAPTURED");
		String paymentId = paymentId(order);
		assertThat(outbox("mercato.payment.processed.v1", paymentId)).isOne();

		// the provider retries (or an attacker replays within the tolerance):
		// acknowledged,
		// not applied again
		ResponseEntity<JsonNode> replay = post(body, WebhookSignature.sign(body, SECRET, Instant.now()));
		assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(replay.getBody().get("outcome").asString()).isEqualTo("DUPLICATE");
		assertThat(outbox("mercato.payment.processed.v1", paymentId)).isOne();
		assertThat(count("select count(*) from transactions where payment_id = ?::uuid", paymentId)).isOne();
		assertThat(count("select count(*) from webhook_events where event_id = ?", eventId)).isOne();
	}

	@Test
	void anOlderFailureArrivingAfterTheSuccessChangesNothing() {
		UUID order = pendingPayment(900);
		Instant earlier = Instant.now().minusSeconds(30);
		String succeeded = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, Instant.now(),
				null);
		String failed = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", order, earlier,
				"insufficient_funds");

		assertThat(post(succeeded, WebhookSignature.sign(succeeded, SECRET, Instant.now())).getBody()
			.get("outcome")
			.asString()).isEqualTo("APPLIED");
		assertThat(
				post(failed, WebhookSignature.sign(failed, SECRET, Instant.now())).getBody().get("outcome").asString())
			.isEqualTo("ALREADY_FINAL");
		assertThat(status(order)).isEqualTo("CAPTURED");
		assertThat(outbox("mercato.payment.failed.v1", paymentId(order))).isZero();
	}

	@Test
	void aFailureWebhookDeclinesAPendingPayment() {
		UUID order = pendingPayment(900);
		String failed = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", order, Instant.now(),
				"insufficient_funds");
		post(failed, WebhookSignature.sign(failed, SECRET, Instant.now()));
		assertThat(status(order)).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(outbox("mercato.payment.failed.v1", paymentId(order))).isOne();
	}

	@Test
	void aRefundWebhookBeforeTheRefundCallRecordedItsIdCompletesTheRefund() {
		UUID order = pendingPayment(3000);
		String paymentId = paymentId(order);
		this.jdbc.sql("update payments set status = 'CAPTURED', provider_payment_id = ? where id = ?::uuid")
			.params("pi_" + order.toString().replace("-", ""), paymentId)
			.update();
		UUID refundId = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into refunds (id, payment_id, request_key, amount, currency, reason, status, requested_by,
					created_at, updated_at) values (?, ?::uuid, ?, 10.00, 'USD', 'late', 'PENDING', 'test', now(), now())""")
			.params(refundId, paymentId, "key-" + refundId)
			.update();
		String body = event("evt_" + UUID.randomUUID(), "refund.created", Instant.now(),
				"{\"id\":\"re_123" + refundId.toString().substring(0, 8) + "\",\"object\":\"refund\",\"amount\":1000,"
						+ "\"currency\":\"usd\",\"status\":\"succeeded\",\"payment_intent\":\"pi_x\","
						+ "\"metadata\":{\"refund_id\":\"" + refundId + "\"}}");

		assertThat(post(body, WebhookSignature.sign(body, SECRET, Instant.now())).getBody().get("outcome").asString())
			.isEqualTo("APPLIED");
		assertThat(
				this.jdbc.sql("select status from refunds where id = ?").param(refundId).query(String.class).single())
			.isEqualTo("SUCCEEDED");
		assertThat(status(order)).isEqualTo("PARTIALLY_REFUNDED");
		assertThat(outbox("mercato.payment.refunded.v1", paymentId)).isOne();
	}

	@Test
	void unknownEventsAndProvidersAndMalformedBodies() {
		String other = event("evt_" + UUID.randomUUID(), "customer.created", Instant.now(), "{\"id\":\"cus_1\"}");
		assertThat(post(other, WebhookSignature.sign(other, SECRET, Instant.now())).getBody().get("outcome").asString())
			.isEqualTo("IGNORED");
		String notJson = "{not json";
		assertRejected(post(notJson, WebhookSignature.sign(notJson, SECRET, Instant.now())));
		String notEvent = "{\"hello\":1}";
		assertRejected(post(notEvent, WebhookSignature.sign(notEvent, SECRET, Instant.now())));
		ResponseEntity<JsonNode> stripe = this.http.post()
			.uri("/api/payments/webhooks/stripe")
			.contentType(MediaType.APPLICATION_JSON)
			.body(other)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(stripe.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private ResponseEntity<JsonNode> post(String body, String signature) {
		return this.http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (signature != null) {
				headers.add("Stripe-Signature", signature);
			}
		}).body(body).retrieve().toEntity(JsonNode.class);
	}

	private static void assertRejected(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("code").asString()).isEqualTo("INVALID_WEBHOOK");
	}

	private UUID pendingPayment(long cents) {
		UUID order = UUID.randomUUID();
		this.jdbc.sql("""
				insert into payments (id, order_id, user_id, amount, currency, status, provider, created_at, updated_at)
				values (?, ?, ?, ?, 'USD', 'PENDING', 'sandbox', now(), now())""")
			.params(UUID.randomUUID(), order, UUID.randomUUID(), java.math.BigDecimal.valueOf(cents, 2))
			.update();
		return order;
	}

	private String paymentId(UUID order) {
		return this.jdbc.sql("select id::text from payments where order_id = ?")
			.param(order)
			.query(String.class)
			.single();
	}

	private static String intentEvent(String id, String type, UUID order, Instant created, String declineCode) {
		String error = (declineCode != null)
				? ",\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\"," + "\"decline_code\":\""
						+ declineCode + "\",\"message\":\"Your card was declined.\"}"
				: "";
		return event(id, type, created,
				"{\"id\":\"pi_" + order.toString().replace("-", "")
						+ "\",\"object\":\"payment_intent\",\"amount\":1500," + "\"currency\":\"usd\",\"status\":\""
						+ (type.endsWith("succeeded") ? "succeeded" : "requires_payment_method") + "\","
						+ "\"metadata\":{\"order_id\":\"" + order + "\"}" + error + "}");
	}

	private static String event(String id, String type, Instant created, String object) {
		return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-10-29.clover\",\"created\":"
				+ created.getEpochSecond() + ",\"livemode\":false,\"type\":\"" + type + "\",\"data\":{\"object\":"
				+ object + "}}";
	}

}
