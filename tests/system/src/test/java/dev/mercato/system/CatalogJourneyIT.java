package dev.mercato.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog through the gateway on the shared platform with its demo catalog: shoppers
 * search (relevance, typos, facets) and see stock; a seller lists a product that is
 * searchable within a second; another seller cannot touch it, an admin can.
 */
class CatalogJourneyIT {

	static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static Platform platform;

	@BeforeAll
	static void startPlatform() {
		platform = Platform.shared();
	}

	@Test
	void shoppersFindCoffeeEvenMisspelledWithFacetsAndStock() {
		Answer coffee = call("GET", "/api/products/search?q=coffee&size=10", null, null);
		assertThat(coffee.status()).as(coffee.body()).isEqualTo(200);
		List<JsonNode> hits = coffee.json().get("items").valueStream().toList();
		assertThat(hits).hasSize(10)
			.allSatisfy((hit) -> assertThat(hit.get("name").asString()).containsIgnoringCase("coffee"));
		assertThat(hits.getFirst().at("/category/path/0").asString()).isEqualTo("Coffee & Tea");
		JsonNode facets = coffee.json().get("facets");
		assertThat(facets.get("category").size()).isPositive();
		assertThat(facets.at("/category/0/path/0").asString()).isEqualTo("Coffee & Tea");
		assertThat(facets.get("price").size()).isPositive();

		Answer typo = call("GET", "/api/products/search?q=cofee&size=5", null, null);
		assertThat(typo.status()).isEqualTo(200);
		assertThat(typo.json().get("items").valueStream().map((hit) -> hit.get("name").asString())).hasSize(5)
			.allSatisfy((name) -> assertThat(name).containsIgnoringCase("coffee"));

		// demo products were announced with their initial stock: inventory has it, and
		// the
		// catalog's availability replica follows
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(inStockCoffee().get("total").asLong()).isPositive());
		String id = inStockCoffee().at("/items/0/id").asString();
		Answer stock = call("GET", "/api/inventory/" + id, admin(), null);
		assertThat(stock.status()).as(stock.body()).isEqualTo(200);
		assertThat(stock.json().get("available").asInt()).isPositive();
		Answer image = call("GET", hits.getFirst().get("imageUrl").asString(), null, null);
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.body()).startsWith("<svg");
	}

	private static JsonNode inStockCoffee() {
		return call("GET", "/api/products/search?q=coffee&inStock=true&size=1", null, null).json();
	}

	@Test
	void aSellersProductIsSearchableAtOnceAndOnlyTheSellerOrAnAdminEditsIt() {
		String seller1 = login("seller1@mercato.dev", "Seller123!");
		String coffeeMakers = categoryId("Coffee & Tea", "Coffee Makers");
		String word = "journey" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String sku = "J-" + word;
		Answer created = call("POST", "/api/products", seller1,
				product(sku, "Hand Coffee Grinder " + word, "29.90", coffeeMakers));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.text("id");

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(call("GET", "/api/products/search?q=" + word, null, null).json()
				.get("items")
				.valueStream()
				.map((hit) -> hit.get("id").asString())).containsExactly(id));

		String seller2 = login("seller2@mercato.dev", "Seller123!");
		Answer hijack = call("PUT", "/api/products/" + id, seller2,
				product(sku, "Stolen Grinder " + word, "1.00", coffeeMakers));
		assertThat(hijack.status()).as(hijack.body()).isEqualTo(403);
		assertThat(hijack.text("code")).isEqualTo("FORBIDDEN");
		assertThat(call("DELETE", "/api/products/" + id, seller2, null).status()).isEqualTo(403);

		String admin = admin();
		Answer byAdmin = call("PUT", "/api/products/" + id, admin,
				product(sku, "Hand Coffee Grinder Pro " + word, "34.90", coffeeMakers));
		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
		Answer after = call("GET", "/api/products/" + id, null, null);
		assertThat(after.text("name")).isEqualTo("Hand Coffee Grinder Pro " + word);
		assertThat(after.json().at("/price/amount").asString()).isEqualTo("34.90");
		assertThat(after.text("sellerId")).isEqualTo(created.text("sellerId"));

		// archived, it leaves the listings other journeys pick products from
		assertThat(call("DELETE", "/api/products/" + id, admin, null).status()).isEqualTo(204);
		assertThat(call("GET", "/api/products/search?q=" + word, null, null).json().get("total").asLong()).isZero();
		assertThat(call("GET", "/api/products/" + id, null, null).text("status")).isEqualTo("ARCHIVED");
	}

	record Answer(int status, JsonNode json, String body) {

		String text(String field) {
			return this.json.path(field).asString();
		}

	}

	static Answer call(String method, String path, String bearer, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
			return new Answer(response.statusCode(), json ? Http.JSON.readTree(response.body()) : Http.JSON.nullNode(),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String login(String email, String password) {
		Answer login = call("POST", "/api/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.text("accessToken");
	}

	static String admin() {
		return login("admin@mercato.dev", "Admin123!");
	}

	private static String categoryId(String root, String leaf) {
		Answer tree = call("GET", "/api/categories", null, null);
		assertThat(tree.status()).isEqualTo(200);
		for (JsonNode node : tree.json()) {
			if (node.get("name").asString().equals(root)) {
				for (JsonNode child : node.get("children")) {
					if (child.get("name").asString().equals(leaf)) {
						return child.get("id").asString();
					}
				}
			}
		}
		throw new AssertionError("No category " + root + " > " + leaf + " in " + tree.body());
	}

	private static String product(String sku, String name, String amount, String categoryId) {
		return """
				{"sku": "%s", "name": "%s", "description": "Ceramic burrs, adjustable grind.",
				 "price": {"amount": "%s", "currency": "USD"}, "categoryId": "%s", "initialStock": 5}""".formatted(sku,
				name, amount, categoryId);
	}

}
