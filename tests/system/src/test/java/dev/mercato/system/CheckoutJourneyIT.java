package dev.mercato.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checkout through the gateway with the real identity, catalog, inventory and payment
 * running: each outcome ends in the right state with stock, payment and order consistent.
 */
class CheckoutJourneyIT {

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
	void aCustomerBuysTheirCartAndItIsPaidAndCommitted() {
		String customer = shop.newCustomer();
		JsonNode product = shop.products(1).getFirst();
		String productId = product.get("id").asText();
		int[] before = shop.stock(admin, productId);
		shop.addToCart(customer, productId, 2);
		JsonNode cart = shop.call("GET", "/api/cart", customer, null).json();
		assertThat(cart.get("items").get(0).get("unitPrice")).isEqualTo(product.get("price"));

		Shop.Answer order = shop.checkout(customer, shop.cardToken(Shop.CARD_OK), null);

		assertThat(order.status()).as(order.body()).isEqualTo(201);
		assertThat(order.text("status")).isEqualTo("CONFIRMED");
		String orderId = order.text("id");
		int[] after = shop.stock(admin, productId);
		assertThat(after[0]).isEqualTo(before[0] - 2);
		assertThat(after[1]).isEqualTo(before[1]);
		shop.assertMoneyConsistent(admin, orderId, "CONFIRMED");
		assertThat(shop.call("GET", "/api/cart", customer, null).json().get("items")).isEmpty();
		assertThat(shop.call("GET", "/api/orders/" + orderId, customer, null).text("status")).isEqualTo("CONFIRMED");
	}

	@Test
	void aDeclinedCardAndInsufficientFundsCancelAndGiveTheStockBack() {
		String customer = shop.newCustomer();
		String productId = shop.products(3).get(1).get("id").asText();
		int[] before = shop.stock(admin, productId);

		Shop.Answer declined = shop.checkout(customer, shop.cardToken(Shop.CARD_DECLINED), Shop.items(productId, 1));
		Shop.Answer insufficient = shop.checkout(customer, shop.cardToken(Shop.CARD_INSUFFICIENT),
				Shop.items(productId, 1));

		assertThat(declined.text("status")).as(declined.body()).isEqualTo("CANCELLED");
		assertThat(declined.text("cancellationReason")).isEqualTo("PAYMENT_DECLINED");
		assertThat(insufficient.text("status")).as(insufficient.body()).isEqualTo("CANCELLED");
		assertThat(insufficient.text("cancellationReason")).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(shop.stock(admin, productId)).containsExactly(before);
		shop.assertMoneyConsistent(admin, declined.text("id"), "CANCELLED");
		shop.assertMoneyConsistent(admin, insufficient.text("id"), "CANCELLED");
	}

	@Test
	void oneHundredCustomersForTheLastTenUnits() throws Exception {
		String productId = shop.productWithStock(10, "15.00");
		List<String> customers = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<String>> registered = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				registered.add(pool.submit(shop::newCustomer));
			}
			for (Future<String> customer : registered) {
				customers.add(customer.get());
				tokens.add(shop.cardToken(Shop.CARD_OK));
			}
		}

		List<Shop.Answer> answers = new ArrayList<>();
		// all 100 at once
		try (ExecutorService everyone = Executors.newFixedThreadPool(100)) {
			List<Future<Shop.Answer>> running = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				String customer = customers.get(i);
				String token = tokens.get(i);
				running.add(everyone.submit(() -> shop.checkout(customer, token, Shop.items(productId, 1))));
			}
			for (Future<Shop.Answer> answer : running) {
				answers.add(answer.get());
			}
		}

		// a 202 (a participant too slow under this load) finishes in the background
		List<String> ids = answers.stream().map((a) -> a.text("id")).toList();
		assertThat(answers).allSatisfy((a) -> assertThat(a.status()).as(a.body()).isIn(201, 202));
		await().atMost(Duration.ofMinutes(3)).until(() -> ids.stream().allMatch((id) -> !"PENDING".equals(status(id))));
		Map<String, String> outcome = ids.stream().collect(Collectors.toMap((id) -> id, (id) -> {
			JsonNode order = shop.call("GET", "/api/orders/" + id, admin, null).json();
			return order.path("status").asText() + ":" + order.path("cancellationReason").asText("");
		}));
		assertThat(outcome.values().stream().filter("CONFIRMED:"::equals)).hasSize(10);
		assertThat(outcome.values().stream().filter("CANCELLED:OUT_OF_STOCK"::equals)).hasSize(90);
		assertThat(shop.stock(admin, productId)).containsExactly(0, 0);
		for (Map.Entry<String, String> order : outcome.entrySet()) {
			shop.assertMoneyConsistent(admin, order.getKey(), order.getValue().split(":")[0]);
		}
	}

	@Test
	void theSameCheckoutTwiceWithOneKeyIsOneOrderAndOneCharge() {
		String customer = shop.newCustomer();
		String productId = shop.products(3).get(2).get("id").asText();
		String token = shop.cardToken(Shop.CARD_OK);
		String key = UUID.randomUUID().toString();

		Shop.Answer first = shop.checkout(customer, token, Shop.items(productId, 1), "Idempotency-Key", key);
		Shop.Answer second = shop.checkout(customer, token, Shop.items(productId, 1), "Idempotency-Key", key);
		Shop.Answer changed = shop.checkout(customer, token, Shop.items(productId, 2), "Idempotency-Key", key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.text("id")).isEqualTo(first.text("id"));
		assertThat(changed.status()).isEqualTo(422);
		assertThat(shop.call("GET", "/api/orders", customer, null).json().get("total").asInt()).isEqualTo(1);
		assertThat(shop.payments(admin, first.text("id"))).hasSize(1);
	}

	@Test
	void aCustomerCannotReadOrCancelAnotherCustomersOrder() {
		String alice = shop.newCustomer();
		String bob = shop.newCustomer();
		String productId = shop.products(1).getFirst().get("id").asText();
		Shop.Answer order = shop.checkout(alice, shop.cardToken(Shop.CARD_OK), Shop.items(productId, 1));
		String orderId = order.text("id");

		assertThat(shop.call("GET", "/api/orders/" + orderId, bob, null).status()).isEqualTo(404);
		assertThat(shop.call("POST", "/api/orders/" + orderId + "/cancel", bob, null).status()).isEqualTo(404);
		assertThat(shop.call("GET", "/api/orders", bob, null).json().get("items")).isEmpty();
		assertThat(shop.call("GET", "/api/orders/" + orderId, alice, null).text("status")).isEqualTo("CONFIRMED");

		// the owner may cancel before shipping: refunded
		Shop.Answer cancelled = shop.call("POST", "/api/orders/" + orderId + "/cancel", alice, null);
		assertThat(cancelled.text("status")).as(cancelled.body()).isEqualTo("CANCELLED");
		shop.assertMoneyConsistent(admin, orderId, "CANCELLED");
	}

	private static String status(String orderId) {
		return shop.call("GET", "/api/orders/" + orderId, admin, null).text("status");
	}

}
