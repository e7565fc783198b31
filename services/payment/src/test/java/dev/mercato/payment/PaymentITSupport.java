package dev.mercato.payment;

import java.util.Map;
import java.util.UUID;

import dev.mercato.payment.provider.sandbox.SandboxProvider;
import dev.mercato.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * What the integration tests share: tokens from {@link TestJwtIssuer}, a gRPC client with
 * ordering's service token, a REST client, and direct reads of the tables.
 */
public abstract class PaymentITSupport {

	protected static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	@Autowired
	protected GrpcServerLifecycle grpcServer;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired(required = false)
	protected SandboxProvider sandbox;

	@LocalServerPort
	protected int port;

	protected PaymentGrpcClient payments;

	protected RestClient http;

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", () -> JWT.jwksUri());
	}

	@BeforeEach
	void openClients() {
		this.payments = new PaymentGrpcClient(this.grpcServer.getPort());
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// assertions look at error answers
			})
			.build();
	}

	@AfterEach
	void closeClients() {
		this.payments.close();
	}

	protected String token(String number) {
		return this.sandbox.tokenize(number, 12, 2034);
	}

	protected ResponseEntity<JsonNode> call(HttpMethod method, String path, String bearer, Object body) {
		return call(method, path, bearer, body, Map.of());
	}

	protected ResponseEntity<JsonNode> call(HttpMethod method, String path, String bearer, Object body,
			Map<String, String> headers) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(path).headers((h) -> {
			if (bearer != null) {
				h.setBearerAuth(bearer);
			}
			headers.forEach(h::add);
		});
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().toEntity(JsonNode.class);
	}

	protected long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	protected long outbox(String type, Object subject) {
		return count("select count(*) from outbox where type = ? and subject = ?", type, subject.toString());
	}

	protected String status(UUID orderId) {
		return this.jdbc.sql("select status from payments where order_id = ?")
			.param(orderId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	protected static String customer(UUID userId) {
		return JWT.token(userId, "CUSTOMER");
	}

	protected static String admin() {
		return JWT.token(UUID.randomUUID(), "ADMIN");
	}

}
