package dev.mercato.identity.support;

import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP calls to a running identity for the integration tests; error answers are returned,
 * not thrown, so tests can look at them.
 */
public final class IdentityClient {

	/** The password every test account gets. */
	public static final String PASSWORD = "Secret123";

	private final RestClient http;

	public IdentityClient(int port) {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// assertions look at error answers; do not throw
			})
			.build();
	}

	public RestClient http() {
		return this.http;
	}

	/**
	 * A JSON request; {@code body} may be a map, a record or a raw JSON string.
	 */
	public ResponseEntity<JsonNode> call(HttpMethod method, String path, String bearer, Object body) {
		return call(method, path, bearer, body, (headers) -> {
		});
	}

	public ResponseEntity<JsonNode> call(HttpMethod method, String path, String bearer, Object body,
			Consumer<HttpHeaders> headers) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(path).headers((h) -> {
			if (bearer != null) {
				h.setBearerAuth(bearer);
			}
			headers.accept(h);
		});
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().toEntity(JsonNode.class);
	}

	/** Registers a customer and answers their id. */
	public String register(String email) {
		ResponseEntity<JsonNode> response = call(HttpMethod.POST, "/api/auth/register", null, Map.of("email", email,
				"password", PASSWORD, "firstName", "Ada", "lastName", "Lovelace", "phone", "+44 20 7946 0958"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("id").asString();
	}

	public ResponseEntity<JsonNode> login(String email, String password) {
		return call(HttpMethod.POST, "/api/auth/login", null, Map.of("email", email, "password", password));
	}

	/** Logs in (must succeed) and answers {@code {accessToken, refreshToken, ...}}. */
	public JsonNode tokens(String email, String password) {
		ResponseEntity<JsonNode> response = login(email, password);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	public ResponseEntity<JsonNode> refresh(String refreshToken) {
		return call(HttpMethod.POST, "/api/auth/refresh", null, Map.of("refreshToken", refreshToken));
	}

	public ResponseEntity<JsonNode> me(String accessToken) {
		return call(HttpMethod.GET, "/api/users/me", accessToken, null);
	}

	/**
	 * Asserts an RFC 9457 problem document with the given status and, unless
	 * {@code null}, the given code.
	 */
	public static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		JsonNode body = response.getBody();
		assertThat(body.get("status").asInt()).isEqualTo(status.value());
		assertThat(body.get("title").asString()).isNotBlank();
		if (code != null) {
			assertThat(body.get("code").asString()).isEqualTo(code);
		}
	}

}
