package dev.mercato.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
				"mercato.gateway.health.pong-window=10s" })
@IsolatedInfrastructure
class GatewayIT {

	private static final StubUpstream identity = StubUpstream.start();

	// A port nothing listens on: the "ghost" service is down.
	private static final int closedPort = StubUpstream.closedPort();

	private static final TestTokens tokens = new TestTokens();

	@LocalServerPort
	int port;

	private WebTestClient client;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
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
	void publicIdentityRoutesNeedNoTokenAndSpoofedUserIdsAreDropped() {
		this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-User-Id", "00000000-0000-0000-0000-000000000001")
			.bodyValue("{\"email\":\"a@b.co\",\"password\":\"x\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/auth/login");

		List<StubUpstream.Recorded> forwarded = identity.requestsTo("/api/auth/login");
		assertThat(forwarded).hasSize(1);
		assertThat(forwarded.get(0).method()).isEqualTo("POST");
		assertThat(forwarded.get(0).header("X-User-Id")).isNull();
	}

	@Test
	void theAccountEndpointsNeedNoTokenButLogoutDoes() {
		for (String path : List.of("/api/auth/refresh", "/api/auth/password-reset", "/api/auth/password-reset/confirm",
				"/api/auth/register", "/api/users/register", "/api/auth/service-token")) {
			this.client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(identity.requestsTo(path)).hasSize(1);
		}
		this.client.post().uri("/api/auth/logout").exchange().expectStatus().isUnauthorized();
		assertThat(identity.requestsTo("/api/auth/logout")).isEmpty();
	}

	@Test
	void theSwaggerUiListsTheServicesDocumentsServedThroughTheGateway() {
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		this.client.get()
			.uri("/webjars/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[0].name")
			.isEqualTo("identity")
			.jsonPath("$.urls[0].url")
			.isEqualTo("/api-docs/identity")
			.jsonPath("$.urls.length()")
			.isEqualTo(1);

		this.client.get()
			.uri("/api-docs/identity")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/v3/api-docs");
	}

	@Test
	void theJwksIsRoutedToIdentityWithoutAToken() {
		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.keys")
			.isArray();
	}

	@Test
	void aProtectedRouteWithoutATokenIs401AndNeverReachesTheService() {
		this.client.get()
			.uri("/api/users/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);

		assertThat(identity.requestsTo("/api/users/me")).isEmpty();
	}

	@Test
	void aValidTokenIsForwardedUnchangedWithTheUserIdAdded() {
		UUID userId = UUID.randomUUID();
		String token = tokens.valid(userId);

		this.client.get()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-User-Id", "00000000-0000-0000-0000-000000000001")
			.exchange()
			.expectStatus()
			.isOk();

		List<StubUpstream.Recorded> forwarded = identity.requestsTo("/api/users/me");
		assertThat(forwarded).hasSize(1);
		assertThat(forwarded.get(0).header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
		assertThat(forwarded.get(0).header("X-User-Id")).isEqualTo(userId.toString());
		assertThat(forwarded.get(0).header("X-Request-Id")).isNotBlank();
	}

	@Test
	void tamperedExpiredOrMisaddressedTokensAre401() {
		String foreign = TestTokens.signedByAnotherKey();
		String expired = tokens.expiringAt(Instant.now().minusSeconds(600));
		String wrongAudience = tokens.withIssuerAndAudience("mercato-identity", "another-api");
		String wrongIssuer = tokens.withIssuerAndAudience("someone-else", "mercato");
		for (String token : List.of(foreign, expired, wrongAudience, wrongIssuer, TestTokens.unsigned(), "not-a-jwt")) {
			this.client.get()
				.uri("/api/users/me")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("INVALID_TOKEN");
		}
		assertThat(identity.requestsTo("/api/users/me")).isEmpty();
	}

	@Test
	void anUnknownRouteIsA404Problem() {
		this.client.get()
			.uri("/api/no-such-service/items")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void aServiceThatIsDownIsA503ProblemAtOnce() {
		Instant started = Instant.now();

		this.client.get()
			.uri("/api/ghost/items")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
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

		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aServiceThatDoesNotAnswerIsCutOffByTheResponseTimeout() {
		Instant started = Instant.now();

		this.client.get()
			.uri(StubUpstream.SLOW_PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void healthAggregatesTheServicesWithoutAToken() {
		platformHealth().jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.services.identity.status")
			.isEqualTo("UP")
			.jsonPath("$.services.identity.instances")
			.isEqualTo(1)
			.jsonPath("$.services.identity.healthyInstances")
			.isEqualTo(1)
			.jsonPath("$.services.identity.latencyMs")
			.isNumber()
			// routes exist for catalog and the others, but they are not expected yet
			.jsonPath("$.services.catalog")
			.doesNotExist()
			// the event-bus half: the ping went out and identity's stand-in answered it
			.jsonPath("$.bus")
			.isEqualTo("UP")
			.jsonPath("$.services.identity.pongs.length()")
			.isEqualTo(1)
			.jsonPath("$.services.identity.pongs[0].instance")
			.isEqualTo("identity-it-1")
			.jsonPath("$.services.identity.pongs[0].version")
			.isEqualTo("0.0.0-it")
			.jsonPath("$.services.identity.pongs[0].latencyMs")
			.isNumber();

		assertThat(identity.requestsTo("/actuator/health")).hasSize(1);
	}

	@Test
	void healthDoesNotWaitOutThePongWindowWhenEveryInstanceHasAnswered() {
		// the window is 10 s here; identity's one instance answers at once
		Instant started = Instant.now();
		platformHealth().jsonPath("$.services.identity.pongs.length()").isEqualTo(1);
		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void healthReportsADownServiceAndAnswers200() {
		identity.healthy(false);

		platformHealth().jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.services.identity.status")
			.isEqualTo("DOWN")
			.jsonPath("$.services.identity.healthyInstances")
			.isEqualTo(0);
	}

	@Test
	void theGatewaysOwnHealthIsPublic() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	// always 200, whatever the services' state
	private WebTestClient.BodyContentSpec platformHealth() {
		return this.client.get().uri("/api/health").exchange().expectStatus().isOk().expectBody();
	}

	/**
	 * Answers health pings as an identity instance would.
	 */
	static class IdentityPongs {

		private final RabbitTemplate rabbit;

		IdentityPongs(RabbitTemplate rabbit) {
			this.rabbit = rabbit;
		}

		@RabbitListener(bindings = @QueueBinding(
				value = @org.springframework.amqp.rabbit.annotation.Queue(exclusive = "true", autoDelete = "true"),
				exchange = @Exchange(name = "system.health", type = "topic"), key = "system.ping"))
		void onPing(Message ping) {
			String pingId = ping.getMessageProperties().getCorrelationId();
			String pong = "{\"pingId\":\"" + pingId
					+ "\",\"service\":\"identity\",\"instance\":\"identity-it-1\",\"version\":\"0.0.0-it\"}";
			MessageProperties properties = new MessageProperties();
			properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
			properties.setCorrelationId(pingId);
			this.rabbit.send("system.health", "system.pong",
					new Message(pong.getBytes(StandardCharsets.UTF_8), properties));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Pongs {

		@Bean
		IdentityPongs identityPongs(RabbitTemplate rabbit) {
			return new IdentityPongs(rabbit);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class GhostRoute {

		@Bean
		RouteLocator ghostRoute(RouteLocatorBuilder routes) {
			return routes.routes()
				.route("ghost", (route) -> route.path("/api/ghost/**").uri("http://localhost:" + closedPort))
				.build();
		}

	}

}
