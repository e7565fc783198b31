package dev.mercato.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults in the middle of checkouts with the real services: the ordering process killed
 * (SIGKILL) while charges are in flight, and payment stopped. After the restart every
 * order ends CONFIRMED or CANCELLED, nothing is charged twice, nothing stays reserved.
 */
class CheckoutCrashIT {

	static Platform platform;

	static Shop shop;

	static String admin;

	@BeforeAll
	static void startPlatform() {
		platform = Platform.shared();
		shop = new Shop(platform.gatewayUrl());
		admin = shop.admin();
	}

	@AfterAll
	static void paymentWithoutFaults() {
		// leave payment as the other journeys expect it: no injected latency
		platform.kill("payment");
		platform.up();
	}

	@Test
	void orderingKilledWhileChargesAreInFlightFinishesEveryOrderAfterRestart() throws Exception {
		// every sandbox charge takes 3 s: the sagas sit in their CHARGE step meanwhile
		platform.kill("payment");
		platform.upWith(Map.of("MERCATO_PAYMENT_SANDBOX_LATENCY", "3s"));
		String productId = shop.productWithStock(20, "12.00");
		List<String> customers = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		List<String> inFlight = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			customers.add(shop.newCustomer());
			tokens.add(shop.cardToken(Shop.CARD_OK));
		}

		try (ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 6; i++) {
				String customer = customers.get(i);
				String token = tokens.get(i);
				shoppers.submit(() -> {
					try {
						shop.checkout(customer, token, Shop.items(productId, 2));
					}
					catch (RuntimeException ex) {
						// the connection dies with the process
					}
				});
			}
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> ordersOf(productId).stream()
					.filter((o) -> "PENDING".equals(o.path("status").asText()))
					.count() >= 3);
			inFlight.addAll(ordersOf(productId).stream()
				.filter((o) -> "PENDING".equals(o.path("status").asText()))
				.map((o) -> o.path("id").asText())
				.toList());
			platform.kill("ordering");
		}

		platform.up(); // restarts ordering only: it resumes its sagas

		// ordersOf is empty while the gateway still finds ordering unavailable
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			List<JsonNode> now = ordersOf(productId);
			return now.size() >= inFlight.size()
					&& now.stream().noneMatch((o) -> "PENDING".equals(o.path("status").asText()));
		});
		List<JsonNode> orders = ordersOf(productId);
		assertThat(orders).extracting((o) -> o.path("id").asText()).containsAll(inFlight);
		assertThat(inFlight).hasSizeGreaterThanOrEqualTo(3);
		int confirmedUnits = 0;
		for (JsonNode order : orders) {
			String status = order.path("status").asText();
			assertThat(status).isIn("CONFIRMED", "CANCELLED");
			shop.assertMoneyConsistent(admin, order.path("id").asText(), status);
			if ("CONFIRMED".equals(status)) {
				confirmedUnits += 2;
			}
		}
		assertThat(shop.stock(admin, productId)).containsExactly(20 - confirmedUnits, 0);
	}

	@Test
	void paymentDownAnswers202AndTheOrderCompletesWhenPaymentIsBack() {
		String customer = shop.newCustomer();
		String productId = shop.productWithStock(5, "30.00");
		String token = shop.cardToken(Shop.CARD_OK);
		platform.kill("payment");

		Shop.Answer placed = shop.checkout(customer, token, Shop.items(productId, 1));

		assertThat(placed.status()).as(placed.body()).isEqualTo(202);
		assertThat(placed.text("status")).isEqualTo("PENDING");
		assertThat(shop.stock(admin, productId)).containsExactly(5, 1); // reserved, not
																		// sold
		platform.up();
		String orderId = placed.text("id");
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> "CONFIRMED".equals(shop.call("GET", "/api/orders/" + orderId, customer, null).text("status")));
		shop.assertMoneyConsistent(admin, orderId, "CONFIRMED");
		assertThat(shop.stock(admin, productId)).containsExactly(4, 0);
	}

	private static List<JsonNode> ordersOf(String productId) {
		Shop.Answer page = shop.call("GET", "/api/orders?size=100", admin, null);
		List<JsonNode> orders = new ArrayList<>();
		if (page.status() != 200) {
			return orders;
		}
		for (JsonNode order : page.json().get("items")) {
			if (productId.equals(order.path("items").path(0).path("productId").asText())) {
				orders.add(order);
			}
		}
		return orders;
	}

}
