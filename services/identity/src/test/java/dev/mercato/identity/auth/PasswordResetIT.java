package dev.mercato.identity.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.mercato.identity.support.EventCapture;
import dev.mercato.identity.support.IdentityClient;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.mercato.identity.support.IdentityClient.PASSWORD;
import static dev.mercato.identity.support.IdentityClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class PasswordResetIT {

	private static final String NEW_PASSWORD = "Brand-new-42";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AmqpAdmin amqpAdmin;

	@Autowired
	RabbitTemplate rabbit;

	private IdentityClient client;

	private EventCapture events;

	@BeforeEach
	void setUp() {
		this.client = new IdentityClient(this.port);
		this.events = EventCapture.bind(this.amqpAdmin, this.rabbit, "user.password_reset_requested");
	}

	@Test
	void resetEndToEnd() {
		String id = this.client.register("reset@example.com");
		String oldRefresh = this.client.tokens("reset@example.com", PASSWORD).get("refreshToken").asString();

		assertThat(requestReset(" Reset@Example.com ").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

		JsonNode event = this.events.awaitSubject(id);
		assertThat(event.get("type").asString()).isEqualTo("mercato.user.password_reset_requested.v1");
		JsonNode data = event.get("data");
		assertThat(data.get("userId").asString()).isEqualTo(id);
		assertThat(data.get("email").asString()).isEqualTo("reset@example.com");
		assertThat(data.get("firstName").asString()).isEqualTo("Ada");
		assertThat(Instant.parse(data.get("expiresAt").asString())).isBetween(Instant.now().plusSeconds(29 * 60),
				Instant.now().plusSeconds(31 * 60));
		String token = data.get("resetToken").asString();
		assertThat(this.jdbc.sql("select count(*) from password_reset_tokens where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).as("stored hashed only").isZero();

		assertThat(confirm(token, NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		assertProblem(this.client.login("reset@example.com", PASSWORD), HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
		assertThat(this.client.login("reset@example.com", NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertProblem(this.client.refresh(oldRefresh), HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN");
		// single use
		assertProblem(confirm(token, "Another-pass-7"), HttpStatus.UNPROCESSABLE_CONTENT, "RESET_TOKEN_INVALID");
		assertThat(this.client.login("reset@example.com", NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void anUnknownEmailGetsTheSame202AndNothingIsSent() {
		long before = resetEvents();

		assertThat(requestReset("nobody@example.com").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(requestReset("not even an email").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

		assertThat(resetEvents()).isEqualTo(before);
	}

	@Test
	void aWeakNewPasswordIsAFieldErrorAndLeavesTheTokenUsable() {
		String id = this.client.register("weak@example.com");
		requestReset("weak@example.com");
		String token = this.events.awaitSubject(id).get("data").get("resetToken").asString();

		ResponseEntity<JsonNode> weak = confirm(token, "short");

		assertProblem(weak, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertThat(weak.getBody().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
		assertThat(confirm(token, NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void anExpiredOrUnknownTokenIsRefused() {
		String id = this.client.register("late@example.com");
		requestReset("late@example.com");
		String token = this.events.awaitSubject(id).get("data").get("resetToken").asString();
		this.jdbc.sql("update password_reset_tokens set expires_at = ? where user_id = ?::uuid")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofSeconds(1))), id)
			.update();

		assertProblem(confirm(token, NEW_PASSWORD), HttpStatus.UNPROCESSABLE_CONTENT, "RESET_TOKEN_INVALID");
		assertProblem(confirm("made-up-token", NEW_PASSWORD), HttpStatus.UNPROCESSABLE_CONTENT, "RESET_TOKEN_INVALID");
		assertThat(this.client.login("late@example.com", PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void malformedBodiesAre400() {
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/password-reset", null, "{"), HttpStatus.BAD_REQUEST,
				"MALFORMED_REQUEST");
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/password-reset", null, Map.of()),
				HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/password-reset/confirm", null,
				"{\"token\": [], \"newPassword\": 5}"), HttpStatus.BAD_REQUEST, null);
	}

	private ResponseEntity<JsonNode> requestReset(String email) {
		return this.client.call(HttpMethod.POST, "/api/auth/password-reset", null, Map.of("email", email));
	}

	private ResponseEntity<JsonNode> confirm(String token, String newPassword) {
		return this.client.call(HttpMethod.POST, "/api/auth/password-reset/confirm", null,
				Map.of("token", token, "newPassword", newPassword));
	}

	private long resetEvents() {
		return this.jdbc.sql("select count(*) from outbox where type = 'mercato.user.password_reset_requested.v1'")
			.query(Long.class)
			.single();
	}

}
