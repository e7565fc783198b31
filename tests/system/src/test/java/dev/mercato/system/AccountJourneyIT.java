package dev.mercato.system;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the whole platform with {@code ./mercato up} and walks a new customer's first
 * steps through the gateway: register, log in, read the profile.
 */
class AccountJourneyIT {

	static final Http http = new Http();

	static Platform platform;

	@BeforeAll
	static void startPlatform() {
		platform = Platform.shared();
	}

	@Test
	void healthAggregatesEveryServiceAsUp() {
		Http.Response health = http.get(platform.gatewayUrl() + "/api/health", null);
		assertThat(health.status()).isEqualTo(200);
		JsonNode body = health.json();
		assertThat(body.get("status").asString()).as(health.body()).isEqualTo("UP");
		assertThat(body.get("services").propertyNames()).contains("identity", "inventory");
		body.get("services")
			.properties()
			.forEach((service) -> assertThat(service.getValue().get("status").asString()).as(service.getKey())
				.isEqualTo("UP"));
		// The services also answered the gateway's ping over the event bus.
		assertThat(body.get("bus").asString()).isEqualTo("UP");
		assertThat(body.get("services").get("identity").get("pongs").size()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void newCustomerRegistersLogsInAndReadsProfile() {
		String email = "journey-" + UUID.randomUUID() + "@example.com";
		Http.Response registered = http.post(platform.gatewayUrl() + "/api/auth/register", """
				{"email": "%s", "password": "Secret123!", "firstName": "Jane", "lastName": "Doe"}""".formatted(email));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().get("roles").toString()).contains("CUSTOMER");

		Http.Response duplicate = http.post(platform.gatewayUrl() + "/api/users/register", """
				{"email": "%s", "password": "Secret123!", "firstName": "Jane", "lastName": "Doe"}""".formatted(email));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/problem+json");

		Http.Response login = http.post(platform.gatewayUrl() + "/api/auth/login", """
				{"email": "%s", "password": "Secret123!"}""".formatted(email));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		String accessToken = login.json().get("accessToken").asString();
		assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");

		Http.Response me = http.get(platform.gatewayUrl() + "/api/users/me", accessToken);
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo(email);
		assertThat(me.json().get("id").asString()).isEqualTo(registered.json().get("id").asString());

		Http.Response anonymous = http.get(platform.gatewayUrl() + "/api/users/me", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.json().get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(anonymous.json().get("requestId").asString()).isNotBlank();

		Http.Response wrongPassword = http.post(platform.gatewayUrl() + "/api/auth/login", """
				{"email": "%s", "password": "Wrong123!"}""".formatted(email));
		assertThat(wrongPassword.status()).isEqualTo(401);
	}

	@Test
	void registrationIsPublishedAsCloudEventThroughTheOutbox() {
		String vhost = Platform.VHOST;
		String queue = "systest.user-events." + UUID.randomUUID();
		assertThat(http.rabbit("PUT", "/api/queues/" + vhost + "/" + queue, "{\"durable\":false,\"auto_delete\":false}")
			.status()).isIn(201, 204);
		try {
			assertThat(http
				.rabbit("POST", "/api/bindings/" + vhost + "/e/user.events/q/" + queue, "{\"routing_key\":\"user.#\"}")
				.status()).as("user.events exchange declared by identity").isEqualTo(201);
			String email = "event-" + UUID.randomUUID() + "@example.com";
			assertThat(http.post(platform.gatewayUrl() + "/api/auth/register", """
					{"email": "%s", "password": "Secret123!", "firstName": "Eve", "lastName": "Event"}"""
				.formatted(email)).status()).isEqualTo(201);

			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				Http.Response got = http.rabbit("POST", "/api/queues/" + vhost + "/" + queue + "/get",
						"{\"count\":10,\"ackmode\":\"ack_requeue_false\",\"encoding\":\"auto\"}");
				assertThat(got.status()).isEqualTo(200);
				JsonNode messages = got.json();
				assertThat(messages.size()).isEqualTo(1);
				JsonNode event = Http.JSON.readTree(messages.get(0).get("payload").asString());
				assertThat(event.get("specversion").asString()).isEqualTo("1.0");
				assertThat(event.get("type").asString()).isEqualTo("mercato.user.created.v1");
				assertThat(event.get("source").asString()).isEqualTo("/identity");
				assertThat(event.get("data").get("email").asString()).isEqualTo(email);
			});
		}
		finally {
			http.rabbit("DELETE", "/api/queues/" + vhost + "/" + queue, null);
		}
	}

	@Test
	void customerRefreshesLogsOutAndResetsAForgottenPassword() {
		String gateway = platform.gatewayUrl();
		String email = "lifecycle-" + UUID.randomUUID() + "@example.com";
		assertThat(http
			.post(gateway + "/api/auth/register",
					"""
							{"email": "%s", "password": "First123!", "firstName": "Lee", "lastName": "Cycle"}"""
						.formatted(email))
			.status()).isEqualTo(201);
		JsonNode first = http.post(gateway + "/api/auth/login", """
				{"email": "%s", "password": "First123!"}""".formatted(email)).json();

		Http.Response refreshed = http.post(gateway + "/api/auth/refresh",
				"{\"refreshToken\": \"" + first.get("refreshToken").asString() + "\"}");
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		String accessToken = refreshed.json().get("accessToken").asString();
		assertThat(http.get(gateway + "/api/users/me", accessToken).status()).isEqualTo(200);

		Http.Response logout = http.post(gateway + "/api/auth/logout",
				"{\"refreshToken\": \"" + refreshed.json().get("refreshToken").asString() + "\"}", accessToken);
		assertThat(logout.status()).as(logout.body()).isEqualTo(204);
		assertThat(http.get(gateway + "/api/users/me", accessToken).status()).as("access token after logout")
			.isEqualTo(401);

		// The reset link goes out by email once the notification service exists; until
		// then the
		// journey reads the token from the event identity publishes for it.
		String vhost = Platform.VHOST;
		String queue = "systest.password-reset." + UUID.randomUUID();
		http.rabbit("PUT", "/api/queues/" + vhost + "/" + queue, "{\"durable\":false,\"auto_delete\":false}");
		try {
			http.rabbit("POST", "/api/bindings/" + vhost + "/e/user.events/q/" + queue,
					"{\"routing_key\":\"user.password_reset_requested\"}");
			assertThat(http.post(gateway + "/api/auth/password-reset", "{\"email\": \"" + email + "\"}").status())
				.isEqualTo(202);
			AtomicReference<String> resetToken = new AtomicReference<>();
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				JsonNode messages = http
					.rabbit("POST", "/api/queues/" + vhost + "/" + queue + "/get",
							"{\"count\":1,\"ackmode\":\"ack_requeue_false\",\"encoding\":\"auto\"}")
					.json();
				assertThat(messages.size()).isEqualTo(1);
				resetToken.set(Http.JSON.readTree(messages.get(0).get("payload").asString())
					.get("data")
					.get("resetToken")
					.asString());
			});
			Http.Response confirmed = http.post(gateway + "/api/auth/password-reset/confirm",
					"{\"token\": \"" + resetToken.get() + "\", \"newPassword\": \"Second123!\"}");
			assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
		}
		finally {
			http.rabbit("DELETE", "/api/queues/" + vhost + "/" + queue, null);
		}
		assertThat(http.post(gateway + "/api/auth/login", """
				{"email": "%s", "password": "First123!"}""".formatted(email)).status()).isEqualTo(401);
		assertThat(http.post(gateway + "/api/auth/login", """
				{"email": "%s", "password": "Second123!"}""".formatted(email)).status()).isEqualTo(200);
	}

	@Test
	void theGatewayServesEveryServicesOpenApiDocument() {
		for (String service : List.of("identity", "inventory")) {
			Http.Response document = http.get(platform.gatewayUrl() + "/api-docs/" + service, null);
			assertThat(document.status()).as(service).isEqualTo(200);
			assertThat(document.json().get("openapi").asString()).startsWith("3.");
		}
		assertThat(http.get(platform.gatewayUrl() + "/swagger-ui.html", null).status()).isIn(200, 302);
	}

	@Test
	void demoAdminCanLogIn() {
		Http.Response login = http.post(platform.gatewayUrl() + "/api/auth/login", """
				{"email": "admin@mercato.dev", "password": "Admin123!"}""");
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		Http.Response me = http.get(platform.gatewayUrl() + "/api/users/me",
				login.json().get("accessToken").asString());
		assertThat(me.json().get("roles").toString()).contains("ADMIN");
	}

}
