package dev.mercato.catalog.product;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.CatalogITSupport;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product and category API over HTTP against real PostgreSQL, RabbitMQ and Redis:
 * ownership, validation, the events in the outbox, the search index following every
 * change, and the cache following every change.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@IsolatedInfrastructure
class ProductApiIT extends CatalogITSupport {

	@Autowired
	MeterRegistry meters;

	@Autowired
	StringRedisTemplate redis;

	@Value("${mercato.redis.key-prefix}")
	String keyPrefix;

	UUID root;

	UUID leaf;

	@BeforeEach
	void tree() {
		this.root = category("Coffee & Tea", null);
		this.leaf = category("Coffee Beans", this.root);
	}

	@Test
	void aSellersNewProductIsAnnouncedAndSearchableAtOnce() {
		String sku = "ETH-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode body = product(sku, "Yirgacheffe Zephyrine Coffee", "Floral, bright and juicy.", "18.50", this.leaf);
		body.put("initialStock", 7);

		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/products", sellerToken(), body);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode product = created.getBody();
		UUID id = UUID.fromString(product.get("id").asString());
		assertThat(created.getHeaders().getLocation()).hasToString("/api/products/" + id);
		assertThat(product.get("sku").asString()).isEqualTo(sku);
		assertThat(product.get("sellerId").asString()).isEqualTo(this.seller.toString());
		assertThat(product.get("price").toString()).isEqualTo("{\"amount\":\"18.50\",\"currency\":\"USD\"}");
		assertThat(product.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(product.get("imageUrl").asString()).isEqualTo("/api/products/" + id + "/image");
		assertThat(product.at("/category/id").asString()).isEqualTo(this.leaf.toString());
		assertThat(product.at("/category/path").size()).isEqualTo(2);
		assertThat(product.get("available").isNull()).isTrue();

		List<JsonNode> events = events("mercato.product.created.v1", id);
		assertThat(events).hasSize(1);
		JsonNode data = events.getFirst().get("data");
		assertThat(data.get("initialStock").asInt()).isEqualTo(7);
		assertThat(data.get("sellerId").asString()).isEqualTo(this.seller.toString());
		assertThat(data.get("categoryPath").get(1).asString()).startsWith("Coffee Beans");
		assertThat(data.has("lowStockThreshold")).isFalse();

		// searchable within a second (read-sync: in fact as soon as the POST answered)
		await().atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(ids(get("/api/products/search?q=zephyrine", null))).containsExactly(id));
		assertThat(get("/api/products/" + id, null).getBody().get("name").asString())
			.isEqualTo("Yirgacheffe Zephyrine Coffee");
		ResponseEntity<String> image = this.http.get()
			.uri("/api/products/" + id + "/image")
			.retrieve()
			.toEntity(String.class);
		assertThat(image.getHeaders().getContentType()).hasToString("image/svg+xml");
		assertThat(image.getBody()).startsWith("<svg").contains("Yirgacheffe Zephyrine");
	}

	@Test
	void invalidInputIsAFieldProblemAndChangesNothing() {
		long products = productRows();
		long events = outboxRows();
		String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);

		assertField(call(HttpMethod.POST, "/api/products", sellerToken(), product(sku, "Mug", "", "-1.00", this.leaf)),
				"price.amount");
		assertField(call(HttpMethod.POST, "/api/products", sellerToken(), product(sku, " ", "", "1.00", this.leaf)),
				"name");
		assertField(call(HttpMethod.POST, "/api/products", sellerToken(),
				product("no spaces", "Mug", "", "1.00", this.leaf)), "sku");
		assertProblem(
				call(HttpMethod.POST, "/api/products", sellerToken(),
						product(sku, "Mug", "", "1.00", UUID.randomUUID())),
				HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_CATEGORY");
		ObjectNode euro = product(sku, "Mug", "", "1.00", this.leaf);
		euro.putObject("price").put("amount", "1.00").put("currency", "EUR");
		assertProblem(call(HttpMethod.POST, "/api/products", sellerToken(), euro), HttpStatus.UNPROCESSABLE_CONTENT,
				"UNSUPPORTED_CURRENCY");
		assertProblem(
				call(HttpMethod.POST, "/api/products", sellerToken(), product(sku, "Mug", "", "1.005", this.leaf)),
				HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_PRICE");
		assertProblem(call(HttpMethod.POST, "/api/products", sellerToken(), "{\"sku\": "), HttpStatus.BAD_REQUEST,
				"MALFORMED_REQUEST");
		ObjectNode negativeStock = product(sku, "Mug", "", "1.00", this.leaf);
		negativeStock.put("initialStock", -3);
		assertField(call(HttpMethod.POST, "/api/products", sellerToken(), negativeStock), "initialStock");
		assertThat(productRows()).isEqualTo(products);
		assertThat(outboxRows()).isEqualTo(events);

		// a duplicate SKU is a conflict
		UUID first = create(sellerToken(), sku, "Mug");
		long afterFirst = outboxRows();
		assertProblem(
				call(HttpMethod.POST, "/api/products", sellerToken(), product(sku, "Other", "", "2.00", this.leaf)),
				HttpStatus.CONFLICT, "SKU_TAKEN");
		assertThat(productRows()).isEqualTo(products + 1);
		assertThat(outboxRows()).isEqualTo(afterFirst);
		assertProblem(get("/api/products/" + UUID.randomUUID(), null), HttpStatus.NOT_FOUND, "PRODUCT_NOT_FOUND");
		assertProblem(get("/api/products/not-a-uuid", null), HttpStatus.BAD_REQUEST, null);
		assertThat(first).isNotNull();
	}

	@Test
	void onlyTheSellerOrAnAdminChangesAProduct() {
		UUID id = create(sellerToken(), "OWN-" + UUID.randomUUID().toString().substring(0, 8), "Quokka Travel Mug");
		String sku = get("/api/products/" + id, null).getBody().get("sku").asString();

		assertProblem(call(HttpMethod.PUT, "/api/products/" + id, otherSellerToken(),
				product(sku, "Hijacked Mug", "", "1.00", this.leaf)), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(call(HttpMethod.DELETE, "/api/products/" + id, otherSellerToken(), null), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertProblem(call(HttpMethod.POST, "/api/products", customerToken(),
				product("CUST-1", "Mug", "", "1.00", this.leaf)), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(call(HttpMethod.POST, "/api/products", null, product("ANON-1", "Mug", "", "1.00", this.leaf)),
				HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
		ObjectNode forOther = product("FOR-" + UUID.randomUUID().toString().substring(0, 8), "Mug", "", "1.00",
				this.leaf);
		forOther.put("sellerId", this.otherSeller.toString());
		assertProblem(call(HttpMethod.POST, "/api/products", sellerToken(), forOther), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertThat(get("/api/products/" + id, null).getBody().get("name").asString()).isEqualTo("Quokka Travel Mug");
		assertThat(events("mercato.product.updated.v1", id)).isEmpty();

		ResponseEntity<JsonNode> byAdmin = call(HttpMethod.PUT, "/api/products/" + id, adminToken(),
				product(sku, "Quokka Thermal Mug", "Keeps tea hot.", "24.00", this.leaf));
		assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(byAdmin.getBody().get("sellerId").asString()).isEqualTo(this.seller.toString());
		ResponseEntity<JsonNode> bySeller = call(HttpMethod.PUT, "/api/products/" + id, sellerToken(),
				product(sku, "Quokka Thermal Mug XL", "Keeps tea hot.", "26.00", this.leaf));
		assertThat(bySeller.getStatusCode()).isEqualTo(HttpStatus.OK);

		List<JsonNode> updates = events("mercato.product.updated.v1", id);
		assertThat(updates).hasSize(2);
		assertThat(updates.getLast().at("/data/price/amount").asString()).isEqualTo("26.00");
		assertThat(ids(get("/api/products/search?q=quokka", null))).containsExactly(id);
		assertThat(get("/api/products/search?q=travel", null).getBody().get("total").asLong()).isZero();

		// admins create for a seller
		ObjectNode forSeller = product("ADM-" + UUID.randomUUID().toString().substring(0, 8), "Admin's Mug", "", "3.00",
				this.leaf);
		forSeller.put("sellerId", this.otherSeller.toString());
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/products", adminToken(), forSeller);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().get("sellerId").asString()).isEqualTo(this.otherSeller.toString());
	}

	@Test
	void anArchivedProductLeavesSearchButStaysReadable() {
		UUID id = create(sellerToken(), "ARC-" + UUID.randomUUID().toString().substring(0, 8), "Wombat Pour-Over");
		assertThat(ids(get("/api/products/search?q=wombat", null))).containsExactly(id);

		assertThat(call(HttpMethod.DELETE, "/api/products/" + id, sellerToken(), null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(call(HttpMethod.DELETE, "/api/products/" + id, adminToken(), null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(events("mercato.product.deleted.v1", id)).hasSize(1);
		assertThat(ids(get("/api/products/search?q=wombat", null))).isEmpty();
		assertThat(ids(get("/api/products?sellerId=" + this.seller, null))).doesNotContain(id);
		assertThat(get("/api/products/" + id, null).getBody().get("status").asString()).isEqualTo("ARCHIVED");
		String sku = get("/api/products/" + id, null).getBody().get("sku").asString();
		assertProblem(
				call(HttpMethod.PUT, "/api/products/" + id, sellerToken(),
						product(sku, "Wombat Pour-Over 2", "", "1.00", this.leaf)),
				HttpStatus.UNPROCESSABLE_CONTENT, "PRODUCT_ARCHIVED");
	}

	@Test
	void viewsOfSignedInUsersArePublished() {
		UUID id = create(sellerToken(), "VIEW-" + UUID.randomUUID().toString().substring(0, 8), "Viewed Kettle");

		assertThat(get("/api/products/" + id, null).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/api/products/" + id, JWT.serviceToken("graphql")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(events("mercato.product.viewed.v1", id)).isEmpty();

		assertThat(get("/api/products/" + id, customerToken()).getStatusCode()).isEqualTo(HttpStatus.OK);
		List<JsonNode> views = events("mercato.product.viewed.v1", id);
		assertThat(views).hasSize(1);
		assertThat(views.getFirst().at("/data/userId").asString()).isEqualTo(this.customer.toString());
		assertThat(views.getFirst().get("source").asString()).isEqualTo("/catalog");
		assertThat(get("/api/products/" + id, JWT.expired(this.customer)).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void searchResultsAreCachedButNeverOutliveAChange() {
		UUID kettle = create(sellerToken(), "NUM-" + UUID.randomUUID().toString().substring(0, 8), "Numbat Kettle");
		assertThat(ids(get("/api/products/search?q=numbat", null))).containsExactly(kettle);
		double hits = searchCacheHits();
		// the same query, differently typed: served from the cache
		assertThat(ids(get("/api/products/search?q=NUMBAT", null))).containsExactly(kettle);
		assertThat(searchCacheHits()).isEqualTo(hits + 1);

		// every change is visible to the very next search (no waiting): the cached result
		// of the old index state is never served again
		String sku = get("/api/products/" + kettle, null).getBody().get("sku").asString();
		call(HttpMethod.PUT, "/api/products/" + kettle, sellerToken(),
				product(sku, "Bilby Kettle", "A fine kettle.", "12.00", this.leaf));
		assertThat(ids(get("/api/products/search?q=numbat", null))).isEmpty();
		assertThat(ids(get("/api/products/search?q=bilby", null))).containsExactly(kettle);
		assertThat(ids(get("/api/products/search?q=bilby", null))).containsExactly(kettle);

		UUID teapot = create(sellerToken(), "NUM-" + UUID.randomUUID().toString().substring(0, 8), "Bilby Teapot");
		assertThat(ids(get("/api/products/search?q=bilby", null))).containsExactlyInAnyOrder(kettle, teapot);

		call(HttpMethod.DELETE, "/api/products/" + kettle, sellerToken(), null);
		assertThat(ids(get("/api/products/search?q=bilby", null))).containsExactly(teapot);
	}

	private double searchCacheHits() {
		return this.meters.get("mercato.catalog.search.cache").tag("result", "hit").counter().count();
	}

	@Test
	void readsAreCachedAndChangesEvictTheCache() {
		UUID id = create(sellerToken(), "CACHE-" + UUID.randomUUID().toString().substring(0, 8), "Cached Grinder");
		String key = this.keyPrefix + "catalog:product:" + id;
		assertThat(this.redis.hasKey(key)).isFalse();

		get("/api/products/" + id, null);
		assertThat(this.redis.opsForValue().get(key)).contains("Cached Grinder");
		// a read served from the cache: the entry is what the API answers
		this.redis.opsForValue().set(key, this.redis.opsForValue().get(key).replace("Cached Grinder", "From Redis"));
		assertThat(get("/api/products/" + id, null).getBody().get("name").asString()).isEqualTo("From Redis");

		String sku = get("/api/products/" + id, null).getBody().get("sku").asString();
		call(HttpMethod.PUT, "/api/products/" + id, sellerToken(),
				product(sku, "Renamed Grinder", "", "9.00", this.leaf));
		assertThat(this.redis.hasKey(key)).isFalse();
		assertThat(get("/api/products/" + id, null).getBody().get("name").asString()).isEqualTo("Renamed Grinder");

		call(HttpMethod.DELETE, "/api/products/" + id, sellerToken(), null);
		assertThat(this.redis.hasKey(key)).isFalse();
		assertThat(get("/api/products/" + id, null).getBody().get("status").asString()).isEqualTo("ARCHIVED");
	}

	@Test
	void adminsExtendTheCategoryTree() {
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/categories", adminToken(),
				"{\"name\":\"Espresso Gear\",\"parentId\":\"" + this.root + "\"}");
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().get("slug").asString()).isEqualTo("espresso-gear");
		assertThat(created.getBody().get("path").get(1).asString()).isEqualTo("Espresso Gear");
		JsonNode tree = get("/api/categories", null).getBody();
		assertThat(tree.toString()).contains("Espresso Gear");
		assertThat(get("/api/categories/" + this.root, null).getBody().get("children").size()).isEqualTo(2);

		assertProblem(
				call(HttpMethod.POST, "/api/categories", adminToken(),
						"{\"name\":\"espresso  gear\",\"parentId\":\"" + this.root + "\"}"),
				HttpStatus.CONFLICT, "CATEGORY_EXISTS");
		assertProblem(
				call(HttpMethod.POST, "/api/categories", adminToken(),
						"{\"name\":\"Orphan\",\"parentId\":\"" + UUID.randomUUID() + "\"}"),
				HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_CATEGORY");
		assertField(call(HttpMethod.POST, "/api/categories", adminToken(), "{\"name\":\"  \"}"), "name");
		assertProblem(call(HttpMethod.POST, "/api/categories", sellerToken(), "{\"name\":\"Sellers' Own\"}"),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertThat(get("/api/categories", null).getBody().toString()).doesNotContain("Sellers' Own");
	}

	private UUID create(String token, String sku, String name) {
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/products", token,
				product(sku, name, "A fine " + name.toLowerCase() + ".", "12.00", this.leaf));
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		return UUID.fromString(created.getBody().get("id").asString());
	}

	static List<UUID> ids(ResponseEntity<JsonNode> page) {
		assertThat(page.getStatusCode()).as(String.valueOf(page.getBody())).isEqualTo(HttpStatus.OK);
		return page.getBody()
			.get("items")
			.valueStream()
			.map((hit) -> UUID.fromString(hit.get("id").asString()))
			.toList();
	}

	static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		if (code != null) {
			assertThat(response.getBody().get("code").asString()).isEqualTo(code);
		}
	}

	static void assertField(ResponseEntity<JsonNode> response, String field) {
		assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertThat(response.getBody().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.contains(field);
	}

}
