package dev.mercato.identity.auth;

import java.util.Map;
import java.util.UUID;

import dev.mercato.identity.support.IdentityClient;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static dev.mercato.identity.support.IdentityClient.PASSWORD;
import static dev.mercato.identity.support.IdentityClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection of the login, per account and per client address. Every test
 * uses its own client addresses (X-Forwarded-For, trusted from localhost) so the
 * per-address counts do not add up across tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class LoginThrottleIT {

	private static final String WRONG = "Wrong1234";

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Value("${mercato.redis.key-prefix}")
	String keyPrefix;

	private IdentityClient client;

	@BeforeEach
	void setUp() {
		this.client = new IdentityClient(this.port);
	}

	@Test
	void fiveFailuresLockTheAccountAndTheNextAttemptIs429WithRetryAfter() {
		this.client.register("brute@example.com");
		String ip = randomIp();
		for (int i = 1; i <= 5; i++) {
			assertProblem(login("brute@example.com", WRONG, ip), HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
		}

		ResponseEntity<JsonNode> locked = login("brute@example.com", PASSWORD, ip);

		assertProblem(locked, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_LOGIN_ATTEMPTS");
		assertThat(Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 30L);
		// the lock is the account's, whatever the address
		assertProblem(login("Brute@Example.com", PASSWORD, randomIp()), HttpStatus.TOO_MANY_REQUESTS,
				"TOO_MANY_LOGIN_ATTEMPTS");
	}

	@Test
	void eachFurtherFailureDoublesTheLock() {
		this.client.register("growing@example.com");
		String ip = randomIp();
		for (int i = 1; i <= 5; i++) {
			login("growing@example.com", WRONG, ip);
		}
		// as if the first 30 s lock had run out
		this.redis.delete(this.keyPrefix + "login:lock:account:growing@example.com");
		assertProblem(login("growing@example.com", WRONG, ip), HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");

		ResponseEntity<JsonNode> locked = login("growing@example.com", PASSWORD, ip);

		assertProblem(locked, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_LOGIN_ATTEMPTS");
		assertThat(Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(31L, 60L);
	}

	@Test
	void aSuccessfulLoginResetsTheAccountCount() {
		this.client.register("forgetful@example.com");
		String ip = randomIp();
		for (int i = 1; i <= 4; i++) {
			login("forgetful@example.com", WRONG, ip);
		}
		assertThat(login("forgetful@example.com", PASSWORD, ip).getStatusCode()).isEqualTo(HttpStatus.OK);
		for (int i = 1; i <= 4; i++) {
			assertProblem(login("forgetful@example.com", WRONG, ip), HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
		}

		assertThat(login("forgetful@example.com", PASSWORD, ip).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void twentyFailuresFromOneAddressBlockThatAddressOnly() {
		this.client.register("innocent@example.com");
		String attacker = randomIp();
		// one attempt per account: no account lock, only the address count grows
		for (int i = 1; i <= 20; i++) {
			assertProblem(login("spray" + i + "@example.com", WRONG, attacker), HttpStatus.UNAUTHORIZED,
					"INVALID_CREDENTIALS");
		}

		ResponseEntity<JsonNode> blocked = login("innocent@example.com", PASSWORD, attacker);

		assertProblem(blocked, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_LOGIN_ATTEMPTS");
		assertThat(Long.parseLong(blocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 900L);
		assertThat(login("innocent@example.com", PASSWORD, randomIp()).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void badLoginBodiesAre400NotCounted() {
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/login", null, "{\"email\": [1, 2"),
				HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/login", null, Map.of("email", "x@example.com")),
				HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/login", null,
				"{\"email\": {\"nested\": true}, \"password\": \"x\"}"), HttpStatus.BAD_REQUEST, null);
	}

	private ResponseEntity<JsonNode> login(String email, String password, String clientIp) {
		return this.client.call(HttpMethod.POST, "/api/auth/login", null, Map.of("email", email, "password", password),
				(headers) -> headers.set("X-Forwarded-For", clientIp));
	}

	private static String randomIp() {
		UUID random = UUID.randomUUID();
		return "203.0." + (Math.abs(random.getMostSignificantBits() % 250) + 1) + "."
				+ (Math.abs(random.getLeastSignificantBits() % 250) + 1);
	}

}
