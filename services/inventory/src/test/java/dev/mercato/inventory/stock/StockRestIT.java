package dev.mercato.inventory.stock;

import java.util.Map;
import java.util.UUID;

import dev.mercato.inventory.InventoryDb;
import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API: levels for anyone, adjustments and movements for the product's seller or
 * an admin, the low-stock list for admins.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class StockRestIT {

	static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	@LocalServerPort
	int port;

	@Autowired
	StockService stock;

	@Autowired
	JdbcClient jdbc;

	RestClient http;

	UUID seller = UUID.randomUUID();

	UUID product = UUID.randomUUID();

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", () -> JWT.jwksUri());
	}

	@BeforeEach
	void setUp() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// assertions look at error answers
			})
			.build();
		this.stock.create(this.product, this.seller, 10, 3, "test");
	}

	@Test
	void anyoneReadsTheLevels() {
		ResponseEntity<JsonNode> response = get("/api/inventory/" + this.product, null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().toString()).isEqualTo("{\"productId\":\"" + this.product
				+ "\",\"onHand\":10,\"reserved\":0,\"available\":10,\"lowStockThreshold\":3}");
		assertProblem(get("/api/inventory/" + UUID.randomUUID(), null), HttpStatus.NOT_FOUND, "STOCK_NOT_FOUND");
		assertProblem(get("/api/inventory/not-a-uuid", null), HttpStatus.BAD_REQUEST, null);
	}

	@Test
	void theSellerAdjustsTheirOwnStock() {
		ResponseEntity<JsonNode> response = adjust(sellerToken(), -4, "damaged in storage");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("onHand").asInt()).isEqualTo(6);
		assertThat(response.getBody().get("available").asInt()).isEqualTo(6);

		ResponseEntity<JsonNode> movements = get("/api/inventory/" + this.product + "/movements", sellerToken());
		assertThat(movements.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode newest = movements.getBody().get(0);
		assertThat(newest.get("reason").asString()).isEqualTo("ADJUSTMENT");
		assertThat(newest.get("deltaOnHand").asInt()).isEqualTo(-4);
		assertThat(newest.get("note").asString()).isEqualTo("damaged in storage");
		assertThat(newest.get("actor").asString()).isEqualTo(this.seller.toString());
		assertThat(movements.getBody().get(1).get("reason").asString()).isEqualTo("INITIAL");
	}

	@Test
	void anotherSellerOrACustomerIsForbidden() {
		String otherSeller = JWT.token(UUID.randomUUID(), "SELLER");
		String customer = JWT.token(this.seller, "CUSTOMER"); // the right id without the
																// role
		assertProblem(adjust(otherSeller, 5, "mine now"), HttpStatus.FORBIDDEN, null);
		assertProblem(adjust(customer, 5, "mine now"), HttpStatus.FORBIDDEN, null);
		assertProblem(get("/api/inventory/" + this.product + "/movements", otherSeller), HttpStatus.FORBIDDEN, null);
		assertProblem(adjust(null, 5, "anonymous"), HttpStatus.UNAUTHORIZED, null);
		assertProblem(get("/api/inventory/" + this.product + "/movements", null), HttpStatus.UNAUTHORIZED, null);
		assertThat(new InventoryDb(this.jdbc).levels(this.product)).containsExactly(10, 0);
	}

	@Test
	void anAdminAdjustsAnyStock() {
		ResponseEntity<JsonNode> response = adjust(JWT.token(UUID.randomUUID(), "ADMIN"), 5, "recount");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("onHand").asInt()).isEqualTo(15);
	}

	@Test
	void onHandNeverFallsBelowReserved() {
		this.jdbc.sql("update stocks set reserved = 8 where product_id = ?").param(this.product).update();
		assertProblem(adjust(sellerToken(), -3, "too many"), HttpStatus.UNPROCESSABLE_CONTENT, "STOCK_BELOW_RESERVED");
		assertThat(adjust(sellerToken(), -2, "exactly the reserved units left").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(new InventoryDb(this.jdbc).levels(this.product)).containsExactly(8, 8);
	}

	@Test
	void badAdjustmentsAreRejected() {
		assertProblem(adjust(sellerToken(), 0, "nothing"), HttpStatus.UNPROCESSABLE_CONTENT, "ZERO_ADJUSTMENT");
		assertProblem(adjust(sellerToken(), 5, " "), HttpStatus.BAD_REQUEST, null);
		ResponseEntity<JsonNode> noDelta = this.http.post()
			.uri("/api/inventory/" + this.product + "/adjustments")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + sellerToken())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"x\"}")
			.retrieve()
			.toEntity(JsonNode.class);
		assertProblem(noDelta, HttpStatus.BAD_REQUEST, null);
		assertProblem(adjust(sellerToken(), 2_000_000, "too much"), HttpStatus.BAD_REQUEST, null);
	}

	@Test
	void onlyAdminsListLowStock() {
		UUID low = UUID.randomUUID();
		this.stock.create(low, this.seller, 2, 3, "test");
		ResponseEntity<JsonNode> response = get("/api/inventory/low-stock", JWT.token(UUID.randomUUID(), "ADMIN"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().values()).extracting((node) -> node.get("productId").asString())
			.contains(low.toString())
			.doesNotContain(this.product.toString());
		assertProblem(get("/api/inventory/low-stock", sellerToken()), HttpStatus.FORBIDDEN, null);
		assertProblem(get("/api/inventory/low-stock", null), HttpStatus.UNAUTHORIZED, null);
	}

	private String sellerToken() {
		return JWT.token(this.seller, "SELLER");
	}

	private ResponseEntity<JsonNode> adjust(String token, int delta, String reason) {
		return this.http.post().uri("/api/inventory/" + this.product + "/adjustments").headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("delta", delta, "reason", reason))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> get(String path, String token) {
		return this.http.get().uri(path).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).retrieve().toEntity(JsonNode.class);
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
		if (code != null) {
			assertThat(response.getBody().get("code").asString()).isEqualTo(code);
		}
	}

}
