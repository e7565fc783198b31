package dev.mercato.notification.event;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsTest {

	static final URI SHOP = URI.create("https://shop.test/");

	@Test
	void aRealEventHasExactlyTheSampleVariablesEvenWithOptionalFieldsMissing() {
		UUID id = UUID.randomUUID();
		Money total = new Money(new BigDecimal("10.00"), "EUR");
		Map<EventKey, Map<String, Object>> sparse = Map.of(EventKey.ORDER_CREATED,
				Models.of(new OrderCreatedV1(id, id, total, null, null, null), SHOP), EventKey.ORDER_PAID,
				Models.of(new OrderPaidV1(id, id, total, null, List.of(), null), SHOP), EventKey.ORDER_SHIPPED,
				Models.of(new OrderShippedV1(id, id, null, "DHL", "T1", null), SHOP), EventKey.ORDER_CANCELLED,
				Models.of(new OrderCancelledV1(id, id, null, null, false, null), SHOP), EventKey.PAYMENT_REFUNDED,
				Models.of(new PaymentRefundedV1(id, id, id, null, total, null, false, null, null), SHOP),
				EventKey.INVENTORY_LOW_STOCK, Models.of(new InventoryLowStockV1(id, id, 0, 3), SHOP));
		sparse.forEach(
				(key, model) -> assertThat(Models.withRecipient(model, "A", null, "a@b.c", SHOP).keySet()).as(key.key())
					.containsExactlyInAnyOrderElementsOf(Models.sample(key).keySet()));
	}

	@Test
	void amountsLinksAndNumbersAreReadyToShow() {
		UUID order = UUID.fromString("abcdef12-0000-4000-8000-000000000000");
		Map<String, Object> model = Models.of(
				new OrderPaidV1(order, order, new Money(new BigDecimal("59.90"), "USD"), null,
						List.of(new OrderItem(order, "S", "Tea", 2, new Money(new BigDecimal("29.95"), "USD"),
								new Money(new BigDecimal("59.90"), "USD"))),
						Instant.parse("2026-01-01T00:00:00Z")),
				SHOP);
		assertThat(model).containsEntry("total", "59.90 USD")
			.containsEntry("orderNumber", "ABCDEF12")
			.containsEntry("orderUrl", "https://shop.test/orders/" + order);
		assertThat(model.get("items").toString()).contains("unitPrice=29.95 USD", "quantity=2");
	}

	@Test
	void theEventsValuesWinOverTheReplicasButBlanksDoNot() {
		Map<String, Object> complete = Models.withRecipient(Map.of("firstName", "", "email", "new@x.y"), "Replica",
				"Last", "old@x.y", SHOP);
		assertThat(complete).containsEntry("firstName", "Replica")
			.containsEntry("email", "new@x.y")
			.containsEntry("shopUrl", "https://shop.test/");
	}

	@Test
	void theResetTokenNeverShowsInToString() {
		PasswordResetRequestedV1 reset = new PasswordResetRequestedV1(UUID.randomUUID(), "a@b.c", "A", "secret-token",
				Instant.now());
		assertThat(reset.toString()).doesNotContain("secret-token");
	}

}
