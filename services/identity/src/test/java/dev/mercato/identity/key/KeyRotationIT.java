package dev.mercato.identity.key;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mercato.identity.support.IdentityClient;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.mercato.identity.support.IdentityClient.PASSWORD;
import static dev.mercato.identity.support.IdentityClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation, driven by passing later instants instead of waiting 30 days. The test
 * methods share one database, so each starts from a single fresh active key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class KeyRotationIT {

	// access-token TTL 15 min + retirement margin 10 min
	private static final Duration RETIREMENT = Duration.ofMinutes(25);

	@LocalServerPort
	int port;

	@Autowired
	SigningKeys keys;

	@Autowired
	JdbcClient jdbc;

	private IdentityClient client;

	@BeforeEach
	void setUp() {
		this.client = new IdentityClient(this.port);
		// start every test from one key created now
		this.jdbc.sql("delete from signing_keys").update();
		this.keys.rotateIfDue();
	}

	@Test
	void aKeyYoungerThanTheRotationPeriodStays() throws Exception {
		String before = activeKid();

		this.keys.rotateIfDue(Instant.now().plus(Duration.ofDays(29)));

		assertThat(activeKid()).isEqualTo(before);
		assertThat(publishedKids()).containsExactly(before);
	}

	@Test
	void rotationPublishesTheNewKeyKeepsTheOldOneUntilItsTokensExpiredThenRetiresIt() throws Exception {
		String email = "rotation-" + System.nanoTime() + "@example.com";
		this.client.register(email);
		String oldToken = this.client.tokens(email, PASSWORD).get("accessToken").asString();
		String oldKid = activeKid();
		Instant rotatedAt = Instant.now().plus(Duration.ofDays(30)).plusSeconds(1);

		this.keys.rotateIfDue(rotatedAt);

		String newKid = activeKid();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(publishedKids()).containsExactlyInAnyOrder(oldKid, newKid);
		String newToken = this.client.tokens(email, PASSWORD).get("accessToken").asString();
		assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(newKid);
		assertThat(this.client.me(oldToken).getStatusCode()).as("old key still verifies").isEqualTo(HttpStatus.OK);
		assertThat(this.client.me(newToken).getStatusCode()).isEqualTo(HttpStatus.OK);

		this.keys.rotateIfDue(rotatedAt.plus(RETIREMENT).minusSeconds(5));
		assertThat(publishedKids()).containsExactlyInAnyOrder(oldKid, newKid);

		this.keys.rotateIfDue(rotatedAt.plus(RETIREMENT).plusSeconds(1));

		assertThat(publishedKids()).containsExactly(newKid);
		assertProblem(this.client.me(oldToken), HttpStatus.UNAUTHORIZED, null);
		assertThat(this.client.me(newToken).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void concurrentRotationsCreateOneKey() {
		Instant due = Instant.now().plus(Duration.ofDays(31));
		try (var executor = Executors.newFixedThreadPool(4)) {
			List<CompletableFuture<Void>> runs = java.util.stream.IntStream.range(0, 4)
				.mapToObj((i) -> CompletableFuture.runAsync(() -> this.keys.rotateIfDue(due), executor))
				.toList();
			runs.forEach(CompletableFuture::join);
		}

		assertThat(this.jdbc.sql("select count(*) from signing_keys").query(Long.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from signing_keys where active").query(Long.class).single()).isOne();
	}

	private String activeKid() {
		return this.jdbc.sql("select kid from signing_keys where active").query(String.class).single();
	}

	private List<String> publishedKids() throws Exception {
		String jwks = this.client.http().get().uri("/.well-known/jwks.json").retrieve().body(String.class);
		return JWKSet.parse(jwks).getKeys().stream().map(JWK::getKeyID).toList();
	}

}
