package dev.mercato.platform.security;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.mercato.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet service whose key server (identity's JWKS) cannot be reached: a request with
 * a token is a 503 problem the client may retry, never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mercato.security.jwt.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json")
class ServletResourceServerKeysDownTest {

	@LocalServerPort
	int port;

	@Autowired
	RestClient.Builder restClientBuilder;

	@Test
	void unreachableKeysAre503Problem() {
		ResponseEntity<String> response = this.restClientBuilder.build()
			.get()
			.uri("http://localhost:" + this.port + "/api/me")
			.header("Authorization", "Bearer " + TestJwtIssuer.shared().token(UUID.randomUUID(), "CUSTOMER"))
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, answer) -> {
			})
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("\"code\":\"AUTHENTICATION_UNAVAILABLE\"");
	}

}
