package dev.mercato.catalog;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.category.CategoryService;
import dev.mercato.contracts.events.EventSchemas;
import dev.mercato.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the HTTP integration tests share: tokens from {@link TestJwtIssuer}, a client that
 * returns error answers instead of throwing, categories, and the outbox as the record of
 * published events.
 */
public abstract class CatalogITSupport {

	protected static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected CategoryService categories;

	protected RestClient http;

	protected final UUID seller = UUID.randomUUID();

	protected final UUID otherSeller = UUID.randomUUID();

	protected final UUID admin = UUID.randomUUID();

	protected final UUID customer = UUID.randomUUID();

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", () -> JWT.jwksUri());
	}

	@BeforeEach
	void openClient() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// assertions look at error answers
			})
			.build();
	}

	protected String sellerToken() {
		return JWT.token(this.seller, "SELLER");
	}

	protected String otherSellerToken() {
		return JWT.token(this.otherSeller, "SELLER");
	}

	protected String adminToken() {
		return JWT.token(this.admin, "ADMIN");
	}

	protected String customerToken() {
		return JWT.token(this.customer, "CUSTOMER");
	}

	protected ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, Object body) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(path);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body.toString());
		}
		return request.retrieve().toEntity(JsonNode.class);
	}

	protected ResponseEntity<JsonNode> get(String path, String token) {
		return call(HttpMethod.GET, path, token, null);
	}

	protected ObjectNode product(String sku, String name, String description, String amount, UUID categoryId) {
		ObjectNode body = JSON.createObjectNode();
		body.put("sku", sku);
		body.put("name", name);
		body.put("description", description);
		body.putObject("price").put("amount", amount).put("currency", "USD");
		body.put("categoryId", categoryId.toString());
		return body;
	}

	protected UUID category(String name, UUID parent) {
		return this.categories.create(name + " " + UUID.randomUUID().toString().substring(0, 8), parent).getId();
	}

	/**
	 * The events of a type about a subject, from the outbox, each checked against the
	 * contract.
	 */
	protected List<JsonNode> events(String type, UUID subject) {
		return this.jdbc.sql("select payload from outbox where type = ? and subject = ? order by id")
			.params(type, subject.toString())
			.query(String.class)
			.list()
			.stream()
			.map((payload) -> {
				assertThat(EventSchemas.validate(jackson2(payload))).as(payload).isEmpty();
				return JSON.readTree(payload);
			})
			.toList();
	}

	protected long outboxRows() {
		return this.jdbc.sql("select count(*) from outbox").query(Long.class).single();
	}

	protected long productRows() {
		return this.jdbc.sql("select count(*) from products").query(Long.class).single();
	}

	private static com.fasterxml.jackson.databind.JsonNode jackson2(String text) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
