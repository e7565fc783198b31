package dev.mercato.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer keeps a card through the gateway: the sandbox tokenizes it (no card number
 * is kept), the customer saves and lists it, another customer can neither see nor delete
 * it, the owner deletes it.
 */
class PaymentJourneyIT {

	static final Http http = new Http();

	static Platform platform;

	@BeforeAll
	static void startPlatform() {
		platform = Platform.shared();
	}

	@Test
	void aCustomerSavesListsAndDeletesACardOthersCannotTouchIt() throws Exception {
		String alice = login("alice@mercato.dev", "Customer123!");
		String bob = login("bob@mercato.dev", "Customer123!");

		Http.Response token = http.post(platform.gatewayUrl() + "/api/payments/sandbox/tokens", """
				{"number": "4242 4242 4242 4242", "expMonth": 12, "expYear": 2034, "cvc": "123"}""");
		assertThat(token.status()).as(token.body()).isEqualTo(201);
		assertThat(token.body()).doesNotContain("4242424242424242");
		String tok = token.json().get("token").asString();
		assertThat(tok).startsWith("tok_");

		Http.Response badCard = http.post(platform.gatewayUrl() + "/api/payments/sandbox/tokens", """
				{"number": "4242424242424241", "expMonth": 12, "expYear": 2034, "cvc": "123"}""");
		assertThat(badCard.status()).isEqualTo(400);
		assertThat(badCard.contentType()).startsWith("application/problem+json");

		Http.Response saved = http.post(platform.gatewayUrl() + "/api/payment-methods", """
				{"token": "%s"}""".formatted(tok), alice);
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		JsonNode method = saved.json();
		assertThat(method.get("brand").asString()).isEqualTo("visa");
		assertThat(method.get("last4").asString()).isEqualTo("4242");
		String id = method.get("id").asString();

		Http.Response list = http.get(platform.gatewayUrl() + "/api/payment-methods", alice);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(id);

		Http.Response bobsList = http.get(platform.gatewayUrl() + "/api/payment-methods", bob);
		assertThat(bobsList.status()).isEqualTo(200);
		assertThat(bobsList.body()).doesNotContain(id);
		assertThat(http.get(platform.gatewayUrl() + "/api/payment-methods/" + id, bob).status()).isEqualTo(404);
		assertThat(delete("/api/payment-methods/" + id, bob)).isEqualTo(404);
		assertThat(http.get(platform.gatewayUrl() + "/api/payment-methods/" + id, alice).status()).isEqualTo(200);
		assertThat(http.get(platform.gatewayUrl() + "/api/payment-methods", null).status()).isEqualTo(401);

		assertThat(delete("/api/payment-methods/" + id, alice)).isEqualTo(204);
		assertThat(http.get(platform.gatewayUrl() + "/api/payment-methods", alice).body()).doesNotContain(id);
	}

	private static String login(String email, String password) {
		Http.Response login = http.post(platform.gatewayUrl() + "/api/auth/login", """
				{"email": "%s", "password": "%s"}""".formatted(email, password));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.json().get("accessToken").asString();
	}

	private static int delete(String path, String bearer) throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client
				.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
					.header("Authorization", "Bearer " + bearer)
					.DELETE()
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
	}

}
