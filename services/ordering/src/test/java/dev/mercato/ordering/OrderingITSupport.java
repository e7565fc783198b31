package dev.mercato.ordering;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mercato.contracts.events.EventSchemas;
import dev.mercato.platform.security.ServiceTokens;
import dev.mercato.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ordering's integration tests share: the participants as test doubles behind their
 * gRPC interfaces, tokens from {@link TestJwtIssuer}, an HTTP client and direct reads of
 * the tables and the outbox.
 */
public abstract class OrderingITSupport {

	protected static final FakeParticipants fakes = new FakeParticipants();

	protected static final ObjectMapper json = new ObjectMapper();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void participants(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", () -> TestJwtIssuer.shared().jwksUri());
		for (String name : List.of("identity", "catalog", "inventory", "payment")) {
			registry.add("spring.grpc.client.channels." + name + ".address", fakes::address);
		}
		registry.add("spring.grpc.server.port", () -> "0");
	}

	@AfterEach
	void healParticipants() {
		fakes.down.clear();
		fakes.loseAnswers.clear();
	}

	protected static String customer(UUID id) {
		return TestJwtIssuer.shared().token(id, "CUSTOMER");
	}

	protected static String admin() {
		return TestJwtIssuer.shared().token(UUID.randomUUID(), "ADMIN");
	}

	protected Response call(String method, String path, String token, Object body, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", "application/json")
				.method(method,
						(body != null)
								? HttpRequest.BodyPublishers
									.ofString((body instanceof String text) ? text : json.writeValueAsString(body))
								: HttpRequest.BodyPublishers.noBody());
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode node = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
			return new Response(response.statusCode(), node);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An HTTP answer. */
	protected record Response(int status, JsonNode body) {

		public String text(String field) {
			return this.body.path(field).asText();
		}

	}

	protected static java.util.Map<String, Object> checkoutBody(String token, UUID product, int quantity) {
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("shippingAddress", address());
		body.put("payment", java.util.Map.of("token", token));
		if (product != null) {
			body.put("items", List.of(java.util.Map.of("productId", product.toString(), "quantity", quantity)));
		}
		return body;
	}

	protected static java.util.Map<String, Object> address() {
		return java.util.Map.of("name", "Ada Lovelace", "line1", "1 Analytical Way", "city", "London", "postalCode",
				"N1 9GU", "country", "GB");
	}

	/**
	 * The events the outbox holds about a subject, oldest first, each checked against the
	 * contract.
	 */
	protected List<JsonNode> events(String subject) {
		List<String> payloads = this.jdbc.sql("select payload from outbox where subject = ? order by id")
			.param(subject)
			.query(String.class)
			.list();
		return payloads.stream().map((payload) -> {
			try {
				JsonNode event = json.readTree(payload);
				assertThat(EventSchemas.validate(event)).as(payload).isEmpty();
				return event;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	protected List<String> eventTypes(String subject) {
		return events(subject).stream().map((e) -> e.get("type").asText()).toList();
	}

	/** Ordering's own service token, without identity. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class TestServiceTokens {

		@Bean
		ServiceTokens serviceTokens() {
			return new ServiceTokens(RestClient.builder(), "http://unused", "ordering", "unused", Clock.systemUTC()) {

				@Override
				public String current() {
					return TestJwtIssuer.shared().serviceToken("ordering");
				}

				@Override
				public String authorizationHeader() {
					return "Bearer " + current();
				}

			};
		}

	}

}
