package dev.mercato.system;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
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

	static final Platform platform = new Platform();

	static final Http http = new Http();

	static List<Long> pids;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform.up();
		pids = platform.recordedPids();
		assertThat(pids).as("pids of the started services").hasSizeGreaterThanOrEqualTo(2);
	}

	@AfterAll
	static void stopPlatform() throws Exception {
		List<Long> started = platform.recordedPids();
		platform.down();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(started)
				.allSatisfy((pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid " + pid)
					.isEmpty()));
		assertThat(platform.recordedPids()).isEmpty();
	}

	@Test
	void healthAggregatesEveryServiceAsUp() {
		Http.Response health = http.get(platform.gatewayUrl() + "/api/health", null);
		assertThat(health.status()).isEqualTo(200);
		JsonNode body = health.json();
		assertThat(body.get("status").asString()).isEqualTo("UP");
		assertThat(body.get("services").get("identity").get("status").asString()).isEqualTo("UP");
		assertThat(body.get("services").get("inventory").get("status").asString()).isEqualTo("UP");
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
	void demoAdminCanLogIn() {
		Http.Response login = http.post(platform.gatewayUrl() + "/api/auth/login", """
				{"email": "admin@mercato.dev", "password": "Admin123!"}""");
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		Http.Response me = http.get(platform.gatewayUrl() + "/api/users/me",
				login.json().get("accessToken").asString());
		assertThat(me.json().get("roles").toString()).contains("ADMIN");
	}

	@Test
	void secondUpChangesNothing() throws Exception {
		platform.up();
		assertThat(platform.recordedPids()).containsExactlyInAnyOrderElementsOf(pids);
		assertThat(platform.status()).contains("identity").contains("gateway");
	}

}
