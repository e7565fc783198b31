package dev.mercato.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis and RabbitMQ are down. For Redis the gateway fails open. Tokens are accepted
 * without the deny-list check and requests are not limited, each skipped check counted in
 * {@code mercato.gateway.redis.failures}, so an outage of Redis is not an outage of the
 * platform. Without RabbitMQ, {@code /api/health} still answers from the HTTP checks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mercato.gateway.rate-limit.anonymous=1", "spring.data.redis.connect-timeout=200ms" })
class DependenciesDownIT {

	private static final StubUpstream identity = StubUpstream.start();

	private static final TestTokens tokens = new TestTokens();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	private WebTestClient client;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", StubUpstream::closedPort);
		registry.add("spring.rabbitmq.port", StubUpstream::closedPort);
		identity.registerAsIdentity(registry);
	}

	@BeforeEach
	void setUp() {
		identity.resetServingJwks(tokens);
		this.client = StubUpstream.gatewayClient(this.port).build();
	}

	@AfterAll
	static void stopStub() {
		identity.close();
	}

	@Test
	void tokensAreAcceptedAndRequestsNotLimitedWhileRedisIsDown() {
		double before = failures("denylist");
		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/api/users/me")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.doesNotExist("X-RateLimit-Limit");
		}
		// the anonymous limit is 1, yet nothing is limited
		for (int i = 0; i < 3; i++) {
			this.client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
		}

		assertThat(identity.requestsTo("/api/users/me")).hasSize(3);
		assertThat(failures("denylist") - before).isEqualTo(3);
		assertThat(failures("ratelimit")).isGreaterThanOrEqualTo(6);
	}

	@Test
	void aTamperedTokenIsStillRejectedWhileRedisIsDown() {
		this.client.get()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.signedByAnotherKey())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(identity.requestsTo("/api/users/me")).isEmpty();
	}

	@Test
	void healthAnswersFromTheHttpChecksWhenTheBusIsDown() {
		this.client.get()
			.uri("/api/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.bus")
			.isEqualTo("DOWN")
			.jsonPath("$.services.identity.status")
			.isEqualTo("UP")
			.jsonPath("$.services.identity.pongs")
			.isEmpty();
	}

	private double failures(String use) {
		return this.meters.counter(RedisFailures.METER, "use", use).count();
	}

}
