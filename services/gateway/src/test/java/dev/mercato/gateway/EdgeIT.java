package dev.mercato.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the edge enforces before a request reaches a service: rate limits (real Redis),
 * the deny-list, the body cap, CORS and the security headers. Small limits so the tests
 * stay fast; the production numbers are the defaults of the same properties.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mercato.gateway.rate-limit.anonymous=5", "mercato.gateway.rate-limit.authenticated=8",
				"mercato.gateway.rate-limit.auth=3", "mercato.gateway.max-request-size=1KB" })
@IsolatedInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class EdgeIT {

	private static final StubUpstream identity = StubUpstream.start();

	private static final TestTokens tokens = new TestTokens();

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	private String keyPrefix;

	private WebTestClient client;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		identity.registerAsIdentity(registry);
	}

	@BeforeEach
	void setUp(TestInfrastructure infrastructure) {
		this.keyPrefix = infrastructure.redisKeyPrefix();
		// every test starts with fresh windows: they all come from the same IP
		this.redis.delete(this.redis.keys(this.keyPrefix + "ratelimit:*"));
		identity.resetServingJwks(tokens);
		this.client = StubUpstream.gatewayClient(this.port).build();
	}

	@AfterAll
	static void stopStub() {
		identity.close();
	}

	@Test
	void theRequestAfterTheAnonymousLimitIsA429ProblemWithRateLimitHeaders() {
		for (int i = 1; i <= 5; i++) {
			this.client.get()
				.uri("/.well-known/jwks.json")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-RateLimit-Limit", "5")
				.expectHeader()
				.valueEquals("X-RateLimit-Remaining", String.valueOf(5 - i));
		}

		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "5")
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0")
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (retryAfter) -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L))
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.code")
			.isEqualTo("RATE_LIMITED");

		assertThat(identity.requestsTo("/.well-known/jwks.json")).hasSize(5);
		// the counter lives in Redis under the test's prefix, so it holds across replicas
		assertThat(this.redis.keys(this.keyPrefix + "ratelimit:ip:*")).hasSize(1);
	}

	@Test
	void anonymousRequestsToProtectedPathsCountToo() {
		for (int i = 0; i < 5; i++) {
			this.client.get().uri("/api/users/me").exchange().expectStatus().isUnauthorized();
		}
		this.client.get()
			.uri("/api/users/me")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("RATE_LIMITED");
		// the same budget as public paths: one anonymous budget per IP
		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void authEndpointsHaveAStricterLimitOfTheirOwn() {
		for (int i = 0; i < 3; i++) {
			login().expectStatus().isOk();
		}
		login().expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "3")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("RATE_LIMITED");

		// the general anonymous budget (5) is untouched by the auth budget
		this.client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
	}

	@Test
	void anAuthenticatedUserIsCountedPerUserWithTheHigherLimit() {
		for (int i = 0; i < 5; i++) {
			this.client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
		}
		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		// same IP, but with a token: its own budget of 8
		String token = tokens.valid(UUID.randomUUID());
		for (int i = 0; i < 8; i++) {
			me(token).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Limit", "8");
		}
		me(token).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(identity.requestsTo("/api/users/me")).hasSize(8);

		// another user is not affected
		me(tokens.valid(UUID.randomUUID())).expectStatus().isOk();
	}

	@Test
	void aDenyListedTokenIs401AndNeverReachesTheService() {
		String jti = UUID.randomUUID().toString();
		String token = tokens.withJti(jti);
		me(token).expectStatus().isOk();

		// what identity writes on logout
		this.redis.opsForValue().set(this.keyPrefix + "denylist:jti:" + jti, "1", Duration.ofMinutes(15));

		me(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.code")
			.isEqualTo("INVALID_TOKEN");
		assertThat(identity.requestsTo("/api/users/me")).hasSize(1);
	}

	@Test
	void aUsersTokensIssuedBeforeARoleChangeAre401AndLaterOnesPass() {
		UUID user = UUID.randomUUID();
		// the test tokens were issued 10 minutes ago
		String token = tokens.valid(user);
		String key = this.keyPrefix + "denylist:user:" + user;
		this.redis.opsForValue()
			.set(key, Long.toString(Instant.now().minusSeconds(700).getEpochSecond()), Duration.ofMinutes(15));
		me(token).expectStatus().isOk();

		// what identity writes when the user's roles change now
		this.redis.opsForValue().set(key, Long.toString(Instant.now().getEpochSecond()), Duration.ofMinutes(15));

		me(token).expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
		me(tokens.valid(UUID.randomUUID())).expectStatus().isOk();
	}

	@Test
	void aTokenWithoutJtiIs401BecauseItCouldNeverBeRevoked() {
		me(tokens.withJti(null)).expectStatus().isUnauthorized();
		assertThat(identity.requestsTo("/api/users/me")).isEmpty();
	}

	@Test
	void anOversizedBodyIsA413ProblemWhetherDeclaredOrChunked() {
		byte[] big = new byte[2048];
		Arrays.fill(big, (byte) 'a');

		this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(big)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413)
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");

		// no Content-Length: the body is cut off while it streams in
		Flux<DataBuffer> chunks = Flux.range(0, 8)
			.map((i) -> DefaultDataBufferFactory.sharedInstance
				.wrap(new String(big, 0, 256, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
		this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");

		assertThat(identity.requestsTo("/api/auth/register")).isEmpty();

		// at the cap is fine
		this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Arrays.copyOf(big, 1024))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() {
		assertSecurityHeaders(this.client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk());
		assertSecurityHeaders(this.client.get().uri("/api/users/me").exchange().expectStatus().isUnauthorized());
		assertSecurityHeaders(this.client.get().uri("/api/health").exchange().expectStatus().isOk());
	}

	@Test
	void aPreflightFromAnAllowedOriginIsAnsweredAtTheEdge() {
		this.client.options()
			.uri("/api/users/me")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("GET"));

		// the actual request gets the allow-origin header too (a request without Origin
		// does not)
		me(tokens.valid()).expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.client.get()
			.uri("/api/users/me")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.valid())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");

		assertThat(identity.requests()).noneMatch((request) -> request.method().equals("OPTIONS"));
	}

	@Test
	void aPreflightFromAnotherOriginIsA403Problem() {
		this.client.options()
			.uri("/api/users/me")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CORS_REJECTED");

		assertThat(identity.requests()).isEmpty();
	}

	@Test
	void everyRequestIsLoggedOnceWithItsUserAndRequestId(CapturedOutput output) {
		UUID userId = UUID.randomUUID();
		me(tokens.valid(userId)).expectStatus().isOk().expectHeader().exists("X-Request-Id");
		this.client.get()
			.uri("/api/users/me")
			.header("X-Request-Id", "edge-it-anonymous")
			.exchange()
			.expectStatus()
			.isUnauthorized();

		assertThat(output.getOut()).contains("\"method\":\"GET\",\"path\":\"/api/users/me\",\"status\":200")
			.contains("\"userId\":\"" + userId + "\"")
			.contains("\"status\":401,")
			.contains("\"requestId\":\"edge-it-anonymous\"");
	}

	private WebTestClient.ResponseSpec login() {
		return this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"a@b.co\",\"password\":\"x\"}")
			.exchange();
	}

	private WebTestClient.ResponseSpec me(String token) {
		return this.client.get().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private static void assertSecurityHeaders(WebTestClient.ResponseSpec response) {
		response.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			.expectHeader()
			.valueEquals("Content-Security-Policy", "default-src 'self'")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer");
	}

}
