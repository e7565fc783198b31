package dev.mercato.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recommendations through the gateway with the real catalog, ordering, payment and
 * recommender: a fresh platform recommends at once (demo data), a shopper's views and
 * purchase reach the recommender as events and, after an admin's retrain, their
 * recommendations come from the model instead of popularity; with the recommender stopped
 * the gateway still answers popular products.
 */
class RecommendationJourneyIT {

	static Platform platform;

	static Shop shop;

	static String admin;

	@BeforeAll
	static void startPlatform() {
		platform = Platform.shared();
		shop = new Shop(platform.gatewayUrl());
		admin = shop.admin();
	}

	@Test
	void aShoppersViewsAndPurchaseChangeTheirRecommendationsAndAnOutageStillAnswers() {
		// demo data: popular products (and a first model) without anyone having shopped
		// yet
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> products(shop.call("GET", "/api/recommendations/popular?limit=5", null, null)).size() == 5);
		String customer = shop.newCustomer();
		Shop.Answer before = shop.call("GET", "/api/recommendations/me?limit=5", customer, null);
		assertThat(before.status()).as(before.body()).isEqualTo(200);
		assertThat(before.json().get("model").get("kind").asText()).isEqualTo("popularity");

		List<JsonNode> seen = shop.products(4);
		for (JsonNode product : seen) {
			assertThat(shop.call("GET", "/api/products/" + product.get("id").asText(), customer, null).status())
				.isEqualTo(200);
		}
		String bought = seen.get(0).get("id").asText();
		shop.addToCart(customer, bought, 1);
		Shop.Answer order = shop.checkout(customer, shop.cardToken(Shop.CARD_OK), null);
		assertThat(order.status()).as(order.body()).isIn(201, 202);
		// a busy machine answers 202 PENDING: the saga completes a moment later
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> shop.call("GET", "/api/orders/" + order.text("id"), customer, null)
				.text("status")
				.equals("CONFIRMED"));

		// the events arrive asynchronously: retrain until the model knows the shopper
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).until(() -> {
			Shop.Answer model = shop.call("GET", "/api/recommendations/admin/model", admin, null);
			if (!model.json().get("training").asBoolean()) {
				assertThat(shop.call("POST", "/api/recommendations/admin/retrain", admin, null).status())
					.isEqualTo(202);
			}
			Shop.Answer mine = shop.call("GET", "/api/recommendations/me?limit=5", customer, null);
			return mine.json().get("model").get("kind").asText().equals("implicit-als");
		});
		Shop.Answer after = shop.call("GET", "/api/recommendations/me?limit=5", customer, null);
		assertThat(after.json().get("model").get("version").asLong()).isPositive();
		assertThat(products(after)).hasSize(5).doesNotContain(bought).isNotEqualTo(products(before));
		Shop.Answer similar = shop.call("GET", "/api/recommendations/products/" + bought + "/similar?limit=3", null,
				null);
		assertThat(similar.json().get("model").get("kind").asText()).isEqualTo("implicit-als");
		assertThat(products(similar)).hasSize(3).doesNotContain(bought);

		// the recommender stopped: the gateway answers the last popular products it saw
		List<String> popular = products(shop.call("GET", "/api/recommendations/popular?limit=5", null, null));
		platform.kill("recommender");
		try {
			Shop.Answer fallback = shop.call("GET", "/api/recommendations/me?limit=3", customer, null);
			assertThat(fallback.status()).as(fallback.body()).isEqualTo(200);
			assertThat(fallback.json().get("fallback").asBoolean()).isTrue();
			assertThat(products(fallback)).containsExactlyElementsOf(popular.subList(0, 3));
			assertThat(shop.call("GET", "/api/recommendations/popular", null, null).json().get("fallback").asBoolean())
				.isTrue();
		}
		finally {
			platform.up(); // the recommender again, for the journeys after this one
		}
	}

	private static List<String> products(Shop.Answer answer) {
		List<String> ids = new ArrayList<>();
		if (answer.status() == 200 && answer.json().has("products")) {
			answer.json().get("products").forEach((product) -> ids.add(product.get("productId").asText()));
		}
		return ids;
	}

}
