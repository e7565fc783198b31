package dev.mercato.payment.method;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.payment.PaymentITSupport;
import dev.mercato.payment.provider.sandbox.TestCards;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandbox tokenization and saved payment methods over REST: a card number never stays,
 * bad cards are 400s that store nothing, a user sees and deletes only their own methods,
 * and nothing sensitive reaches the logs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "mercato.payment.sandbox.webhook-secret=" + PaymentMethodsIT.SECRET,
				"logging.level.dev.mercato=DEBUG", "logging.level.org.springframework.web=DEBUG",
				// the test's own RestClient logs the bodies it sends; the service's side
				// (request bodies read at DEBUG) stays on
				"logging.level.org.springframework.web.client=INFO" })
@IsolatedInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class PaymentMethodsIT extends PaymentITSupport {

	static final String SECRET = "whsec_do_not_log_7Hq2";

	static final String CVC = "917";

	@Test
	void tokenizeSaveListAndDeleteOwnMethodsOnly() {
		UUID alice = UUID.randomUUID();
		UUID bob = UUID.randomUUID();
		String token = tokenize("4242 4242 4242 4242");
		assertThat(token).startsWith("tok_");

		ResponseEntity<JsonNode> saved = call(HttpMethod.POST, "/api/payment-methods", customer(alice),
				Map.of("token", token));
		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode method = saved.getBody();
		assertThat(method.get("brand").asString()).isEqualTo("visa");
		assertThat(method.get("last4").asString()).isEqualTo("4242");
		assertThat(method.get("expMonth").asInt()).isEqualTo(12);
		assertThat(method.get("expYear").asInt()).isEqualTo(2034);
		assertThat(method.get("isDefault").asBoolean()).isTrue();
		String id = method.get("id").asString();

		// the token was single-use
		assertProblem(call(HttpMethod.POST, "/api/payment-methods", customer(alice), Map.of("token", token)),
				HttpStatus.BAD_REQUEST, "INVALID_TOKEN");

		String second = call(HttpMethod.POST, "/api/payment-methods", customer(alice),
				Map.of("token", tokenize("5555555555554444"), "isDefault", true))
			.getBody()
			.get("id")
			.asString();
		JsonNode list = call(HttpMethod.GET, "/api/payment-methods", customer(alice), null).getBody();
		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).get("isDefault").asBoolean()).isFalse();
		assertThat(list.get(1).get("isDefault").asBoolean()).isTrue();
		assertThat(list.get(1).get("brand").asString()).isEqualTo("mastercard");

		// bob sees none of them and cannot touch them
		assertThat(call(HttpMethod.GET, "/api/payment-methods", customer(bob), null).getBody().size()).isZero();
		assertProblem(call(HttpMethod.GET, "/api/payment-methods/" + id, customer(bob), null), HttpStatus.NOT_FOUND,
				"PAYMENT_METHOD_NOT_FOUND");
		assertProblem(call(HttpMethod.DELETE, "/api/payment-methods/" + id, customer(bob), null), HttpStatus.NOT_FOUND,
				"PAYMENT_METHOD_NOT_FOUND");
		assertProblem(call(HttpMethod.PUT, "/api/payment-methods/" + id + "/default", customer(bob), null),
				HttpStatus.NOT_FOUND, "PAYMENT_METHOD_NOT_FOUND");
		assertThat(count("select count(*) from payment_methods where user_id = ?", alice)).isEqualTo(2);
		assertThat(call(HttpMethod.GET, "/api/payment-methods", null, null).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		// deleting the default promotes the remaining one
		assertThat(call(HttpMethod.DELETE, "/api/payment-methods/" + second, customer(alice), null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		JsonNode after = call(HttpMethod.GET, "/api/payment-methods", customer(alice), null).getBody();
		assertThat(after.size()).isOne();
		assertThat(after.get(0).get("id").asString()).isEqualTo(id);
		assertThat(after.get(0).get("isDefault").asBoolean()).isTrue();
		assertProblem(call(HttpMethod.GET, "/api/payment-methods/" + second, customer(alice), null),
				HttpStatus.NOT_FOUND, null);
	}

	@Test
	void badCardsAre400AndNothingIsStored() {
		long before = count("select count(*) from sandbox_cards");
		assertBadCard(Map.of("number", "4242424242424241", "expMonth", 12, "expYear", 2034, "cvc", CVC));
		assertBadCard(Map.of("number", "4242", "expMonth", 12, "expYear", 2034, "cvc", CVC));
		assertBadCard(Map.of("number", "4242424242424242", "expMonth", 13, "expYear", 2034, "cvc", CVC));
		assertBadCard(Map.of("number", "4242424242424242", "expMonth", 1, "expYear", 2020, "cvc", CVC));
		assertBadCard(Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2034, "cvc", "12"));
		assertBadCard(Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2034));
		ResponseEntity<JsonNode> malformed = this.http.post()
			.uri("/api/payments/sandbox/tokens")
			.header("Content-Type", "application/json")
			.body("{\"number\": \"4242424242424242\", \"expMonth\": \"twelve\"")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(malformed.getBody().toString()).doesNotContain("4242424242424242");
		assertThat(count("select count(*) from sandbox_cards")).isEqualTo(before);
	}

	@Test
	void noCardNumberCvcOrSecretReachesTheLogs(CapturedOutput output) {
		UUID user = UUID.randomUUID();
		String[] numbers = { TestCards.SUCCEEDS, TestCards.DECLINED, TestCards.INSUFFICIENT_FUNDS };
		for (String number : numbers) {
			String token = tokenize(number);
			ChargeResponse response = this.payments.chargeToken(UUID.randomUUID(), user, 700, token);
			assertThat(response.getPaymentId()).isNotEmpty();
		}
		String saved = tokenize(TestCards.SUCCEEDS);
		call(HttpMethod.POST, "/api/payment-methods", customer(user), Map.of("token", saved));
		assertBadCard(Map.of("number", "4242424242424241", "expMonth", 12, "expYear", 2034, "cvc", CVC));
		// the sandbox's webhooks arrive and are logged
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(15))
			.until(() -> count("select count(*) from webhook_events") >= 3);

		String logs = output.getAll();
		assertThat(logs).contains("Webhook evt_"); // the capture works and saw the
													// traffic
		for (String number : numbers) {
			assertThat(logs).doesNotContain(number);
			assertThat(logs).doesNotContain(number.substring(0, 4) + " " + number.substring(4, 8));
		}
		assertThat(logs).doesNotContain("4242424242424241");
		assertThat(Pattern.compile("(?i)cvc\\W{0,6}" + CVC).matcher(logs).find()).isFalse();
		assertThat(logs).doesNotContain(SECRET);
	}

	private String tokenize(String number) {
		ResponseEntity<JsonNode> response = call(HttpMethod.POST, "/api/payments/sandbox/tokens", null,
				Map.of("number", number, "expMonth", 12, "expYear", 2034, "cvc", CVC));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("token").asString();
	}

	private void assertBadCard(Map<String, Object> card) {
		ResponseEntity<JsonNode> response = call(HttpMethod.POST, "/api/payments/sandbox/tokens", null, card);
		assertProblem(response, HttpStatus.BAD_REQUEST, null);
		String body = response.getBody().toString();
		assertThat(body).doesNotContain(String.valueOf(card.get("number")));
		if (card.containsKey("cvc")) {
			assertThat(body).doesNotContain("\"" + card.get("cvc") + "\"");
		}
	}

	static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		if (code != null) {
			assertThat(response.getBody().get("code").asString()).isEqualTo(code);
		}
	}

}
