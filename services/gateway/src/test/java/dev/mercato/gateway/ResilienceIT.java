package dev.mercato.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Load balancing over configured instances, GET retries on another instance, and the
 * per-route circuit breakers, against stub services and ports nothing listens on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
				"mercato.gateway.circuit-breaker.sliding-window-size=2",
				"mercato.gateway.circuit-breaker.minimum-number-of-calls=2",
				"mercato.gateway.circuit-breaker.failure-rate-threshold=50",
				"mercato.gateway.circuit-breaker.wait-duration-in-open-state=5m",
				"mercato.gateway.circuit-breaker.max-concurrent-calls=1" })
@IsolatedInfrastructure
class ResilienceIT {

	private static final StubUpstream identity = StubUpstream.start();

	private static final StubUpstream catalogA = StubUpstream.start();

	private static final StubUpstream catalogB = StubUpstream.start();

	private static final StubUpstream inventory = StubUpstream.start();

	private static final StubUpstream notification = StubUpstream.start();

	private static final StubUpstream recommender = StubUpstream.start();

	private static final int deadPort = StubUpstream.closedPort();

	private static final TestTokens tokens = new TestTokens();

	@LocalServerPort
	int port;

	private WebTestClient client;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		String instances = "spring.cloud.discovery.client.simple.instances.";
		registry.add(instances + "identity[0].uri", identity::url);
		registry.add(instances + "catalog[0].uri", catalogA::url);
		registry.add(instances + "catalog[1].uri", catalogB::url);
		registry.add(instances + "ordering[0].uri", catalogA::url);
		registry.add(instances + "ordering[1].uri", () -> "http://localhost:" + deadPort);
		registry.add(instances + "inventory[0].uri", inventory::url);
		registry.add(instances + "notification[0].uri", notification::url);
		registry.add(instances + "recommender[0].uri", recommender::url);
		registry.add(instances + "payment[0].uri", () -> "http://localhost:" + deadPort);
		registry.add("mercato.security.jwt.jwks-uri", () -> identity.url() + "/.well-known/jwks.json");
	}

	@BeforeEach
	void setUp() {
		for (StubUpstream stub : new StubUpstream[] { identity, catalogA, catalogB, inventory, notification }) {
			stub.reset();
		}
		identity.serveJwks(tokens.jwks());
		this.client = StubUpstream.gatewayClient(this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
			.build();
	}

	@AfterAll
	static void stopStubs() {
		for (StubUpstream stub : new StubUpstream[] { identity, catalogA, catalogB, inventory, notification,
				recommender }) {
			stub.close();
		}
	}

	@Test
	void requestsAreSpreadOverEveryInstanceOfAService() {
		for (int i = 0; i < 10; i++) {
			this.client.get().uri("/api/products/" + i).exchange().expectStatus().isOk();
		}

		assertThat(catalogA.requests()).hasSizeBetween(1, 9);
		assertThat(catalogB.requests()).hasSizeBetween(1, 9);
		assertThat(catalogA.requests().size() + catalogB.requests().size()).isEqualTo(10);
	}

	@Test
	void aGetToADeadInstanceIsRetriedOnAnother() {
		// round robin sends about half of these to the dead instance first
		for (int i = 0; i < 6; i++) {
			this.client.get().uri("/api/orders/" + i).exchange().expectStatus().isOk();
		}

		assertThat(catalogA.requests()).hasSize(6);
	}

	@Test
	void aServiceThatIsNotRunningIsA503ProblemQuickly() {
		// the first call also pays for the JWKS fetch and the load balancer's set-up
		this.client.get().uri("/api/payments/0").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

		Instant started = Instant.now();

		this.client.get()
			.uri("/api/payments/1")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.code")
			.isEqualTo("SERVICE_UNAVAILABLE");

		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void anOpenCircuitAnswers503AtOnceWithoutCallingTheService() {
		// two calls that time out (2 s each) open the inventory route's circuit
		for (int i = 0; i < 2; i++) {
			postToSlowInventory().expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		}

		Instant started = Instant.now();
		postToSlowInventory().expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.code")
			.isEqualTo("SERVICE_UNAVAILABLE");

		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(1));
		assertThat(inventory.requestsTo("/api/inventory/slow")).hasSize(2);

		// other routes have breakers of their own
		this.client.get().uri("/api/products/1").exchange().expectStatus().isOk();
	}

	@Test
	void aRouteWithAllItsCallsInFlightAnswers503BusyAndStaysClosed() {
		// every route's bulkhead admits one call at a time here (test property); the slow
		// call holds the notification route's only permit until the 2 s response timeout
		CompletableFuture<Void> held = CompletableFuture
			.runAsync(() -> this.client.get().uri("/api/notifications/slow").exchange());
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> !notification.requestsTo("/api/notifications/slow").isEmpty());

		this.client.get()
			.uri("/api/notifications/1")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SERVICE_BUSY");

		held.join();
		assertThat(notification.requestsTo("/api/notifications/1")).isEmpty();
	}

	@Test
	void recommendationsAnswerTheLastPopularProductsWhenTheRecommenderIsDown() {
		this.client.get()
			.uri("/api/recommendations/popular")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("X-Mercato-Fallback");

		recommender.close();

		// the copy is written to Redis after the answer: it may take a moment to be there
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/api/recommendations/me?limit=5")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Mercato-Fallback", "cached-popular")
				.expectBody()
				.jsonPath("$.fallback")
				.isEqualTo(true)
				.jsonPath("$.path")
				.isEqualTo("/api/recommendations/popular"));
		this.client.get()
			.uri("/api/recommendations/products/" + java.util.UUID.randomUUID() + "/similar")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fallback")
			.isEqualTo(true);
		// other services' failures stay errors
		this.client.get().uri("/api/payments/2").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	// POST: not retried, so each call is one attempt
	private WebTestClient.ResponseSpec postToSlowInventory() {
		return this.client.post()
			.uri("/api/inventory/slow")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange();
	}

}
