package dev.mercato.platform.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import dev.mercato.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet service with platform-security, fetching keys from a JWK set served over HTTP
 * exactly as identity serves it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mercato.security.public-paths=GET /api/open/**")
class ServletResourceServerTest {

	static final TestJwtIssuer tokens = TestJwtIssuer.shared();

	@LocalServerPort
	int port;

	@Autowired
	RestClient.Builder restClientBuilder;

	@DynamicPropertySource
	static void jwksUri(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", tokens::jwksUri);
	}

	@Test
	void validTokenReachesTheControllerAsCurrentUser() {
		UUID userId = UUID.randomUUID();
		ResponseEntity<String> response = get("/api/me", tokens.token(userId, "CUSTOMER"));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).isEqualTo(userId + " user-" + userId + "@example.com [CUSTOMER]");
	}

	@Test
	void missingTokenIs401Problem() {
		ResponseEntity<String> response = get("/api/me", null);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.getBody()).contains("\"code\":\"UNAUTHORIZED\"");
	}

	@Test
	void tamperedTokensAre401() {
		UUID userId = UUID.randomUUID();
		for (String token : List.of(tokens.expired(userId), tokens.wrongAudience(userId),
				tokens.signedWithAnotherKey(userId), tokens.unsigned(userId), "not-a-jwt")) {
			ResponseEntity<String> response = get("/api/me", token);
			assertThat(response.getStatusCode().value()).as(token).isEqualTo(401);
			assertThat(response.getBody()).contains("\"code\":\"INVALID_TOKEN\"");
		}
	}

	@Test
	void roleChecksAnswer403Problem() {
		ResponseEntity<String> customer = get("/api/admin", tokens.token(UUID.randomUUID(), "CUSTOMER"));
		assertThat(customer.getStatusCode().value()).isEqualTo(403);
		assertThat(customer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(customer.getBody()).contains("\"code\":\"FORBIDDEN\"");
		assertThat(get("/api/admin", tokens.token(UUID.randomUUID(), "ADMIN")).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void aServiceTokenOnAUserEndpointIs403NotAServerError() {
		ResponseEntity<String> response = get("/api/me", tokens.serviceToken("ordering"));
		assertThat(response.getStatusCode().value()).isEqualTo(403);
		assertThat(response.getBody()).contains("\"code\":\"FORBIDDEN\"");
	}

	@Test
	void publicPathsAndHealthNeedNoToken() {
		assertThat(get("/api/open/hello", null).getStatusCode().value()).isEqualTo(200);
		assertThat(get("/actuator/health", null).getStatusCode().value()).isEqualTo(200);
	}

	private ResponseEntity<String> get(String path, String token) {
		return this.restClientBuilder.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.get()
			.uri(path)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(String.class);
	}

}
