package dev.mercato.ordering.cart;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercato.ordering.OrderingITSupport;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart over HTTP: one line per product, current prices from catalog, bounds, unknown
 * and archived products, cart.item_added.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "mercato.ordering.cart.price-cache-ttl=0s")
@IsolatedInfrastructure
@Import(OrderingITSupport.TestServiceTokens.class)
class CartIT extends OrderingITSupport {

	@Test
	void addingTheSameProductTwiceKeepsOneLineWithCurrentPrices() {
		UUID user = UUID.randomUUID();
		UUID mug = fakes.product("Mug", 1250, 10);

		call("POST", "/api/cart/items", customer(user), Map.of("productId", mug, "quantity", 2));
		Response cart = call("POST", "/api/cart/items", customer(user), Map.of("productId", mug, "quantity", 3));

		assertThat(cart.status()).isEqualTo(201);
		JsonNode items = cart.body().path("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).path("quantity").asInt()).isEqualTo(5);
		assertThat(items.get(0).path("name").asText()).isEqualTo("Mug");
		assertThat(items.get(0).path("unitPrice").path("amount").asText()).isEqualTo("12.50");
		assertThat(cart.body().path("total").path("amount").asText()).isEqualTo("62.50");
		// catalog changes the price: the cart shows the new one
		fakes.products.computeIfPresent(mug,
				(k, p) -> p.toBuilder().setPrice(p.getPrice().toBuilder().setAmountMinor(1000)).build());
		assertThat(call("GET", "/api/cart", customer(user), null).body().path("total").path("amount").asText())
			.isEqualTo("50.00");
		var events = events(user.toString());
		assertThat(events).hasSize(2);
		assertThat(events.get(1).path("data").path("quantity").asInt()).isEqualTo(5);
		assertThat(events.get(1).path("type").asText()).isEqualTo("mercato.cart.item_added.v1");
	}

	@Test
	void quantitiesAreBoundedAndLinesCanBeChangedRemovedAndCleared() {
		UUID user = UUID.randomUUID();
		UUID lamp = fakes.product("Lamp", 3999, 10);
		UUID pen = fakes.product("Pen", 199, 10);

		assertThat(call("POST", "/api/cart/items", customer(user), Map.of("productId", lamp, "quantity", 0)).status())
			.isEqualTo(422);
		assertThat(call("POST", "/api/cart/items", customer(user), Map.of("productId", lamp, "quantity", 100)).status())
			.isEqualTo(422);
		assertThat(call("POST", "/api/cart/items", customer(user), Map.of("productId", lamp)).status()).isEqualTo(400);
		call("POST", "/api/cart/items", customer(user), Map.of("productId", lamp, "quantity", 98));
		Response over = call("POST", "/api/cart/items", customer(user), Map.of("productId", lamp, "quantity", 2));
		assertThat(over.status()).isEqualTo(422);
		assertThat(over.text("code")).isEqualTo("QUANTITY_OUT_OF_RANGE");
		call("POST", "/api/cart/items", customer(user), Map.of("productId", pen, "quantity", 1));

		Response set = call("PUT", "/api/cart/items/" + lamp, customer(user), Map.of("quantity", 4));
		assertThat(set.body().path("items").get(0).path("quantity").asInt()).isEqualTo(4);
		assertThat(call("PUT", "/api/cart/items/" + UUID.randomUUID(), customer(user), Map.of("quantity", 4)).status())
			.isEqualTo(404);
		assertThat(call("DELETE", "/api/cart/items/" + pen, customer(user), null).status()).isEqualTo(204);
		assertThat(call("GET", "/api/cart", customer(user), null).body().path("items")).hasSize(1);
		// another customer's cart is theirs
		assertThat(call("GET", "/api/cart", customer(UUID.randomUUID()), null).body().path("items")).isEmpty();
		assertThat(call("DELETE", "/api/cart", customer(user), null).status()).isEqualTo(204);
		assertThat(call("GET", "/api/cart", customer(user), null).body().path("items")).isEmpty();
	}

	@Test
	void unknownOrArchivedProductsAre422AndCatalogDownIs503() {
		UUID user = UUID.randomUUID();
		UUID archived = fakes.product("Old", 100, 1);
		fakes.archive(archived);
		UUID kept = fakes.product("Kept", 100, 1);
		call("POST", "/api/cart/items", customer(user), Map.of("productId", kept, "quantity", 1));

		Response unknown = call("POST", "/api/cart/items", customer(user),
				Map.of("productId", UUID.randomUUID(), "quantity", 1));
		Response gone = call("POST", "/api/cart/items", customer(user), Map.of("productId", archived, "quantity", 1));
		fakes.archive(kept);
		JsonNode cart = call("GET", "/api/cart", customer(user), null).body();
		fakes.down.add("catalog");
		Response down = call("POST", "/api/cart/items", customer(user), Map.of("productId", kept, "quantity", 1));

		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.text("code")).isEqualTo("PRODUCT_UNAVAILABLE");
		assertThat(gone.status()).isEqualTo(422);
		assertThat(cart.path("items").get(0).path("available").asBoolean()).isFalse();
		assertThat(cart.path("total").isMissingNode() || cart.path("total").isNull()).isTrue();
		assertThat(down.status()).isEqualTo(503);
		assertThat(call("GET", "/api/cart", null, null).status()).isEqualTo(401);
	}

}
