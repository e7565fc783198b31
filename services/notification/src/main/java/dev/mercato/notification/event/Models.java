package dev.mercato.notification.event;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The values templates are rendered with, per event. Every event of one key yields the
 * same variable names (absent values are empty strings), and {@link #sample} yields them
 * too: a template that renders with the sample renders with every real event (ADR 0022).
 * <p>
 * Every model also has {@code firstName}, {@code lastName}, {@code email} and
 * {@code shopUrl} ({@link #withRecipient}).
 */
public final class Models {

	private Models() {
	}

	/**
	 * The model of a welcome message.
	 * @param event the event
	 * @param shop the storefront URL
	 * @return the model
	 */
	public static Map<String, Object> of(UserCreatedV1 event, URI shop) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("firstName", event.firstName());
		model.put("lastName", text(event.lastName()));
		model.put("email", event.email());
		model.put("loginUrl", link(shop, "/login"));
		return model;
	}

	/**
	 * The model of a password reset message.
	 * @param event the event
	 * @param shop the storefront URL
	 * @return the model
	 */
	public static Map<String, Object> of(PasswordResetRequestedV1 event, URI shop) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("firstName", event.firstName());
		model.put("email", event.email());
		model.put("resetToken", event.resetToken());
		model.put("resetUrl", link(shop, "/reset-password?token=" + event.resetToken()));
		model.put("expiresAt", time(event.expiresAt()));
		return model;
	}

	/**
	 * The model of an order received message.
	 * @param event the event
	 * @param shop the storefront URL
	 * @return the model
	 */
	public static Map<String, Object> of(OrderCreatedV1 event, URI shop) {
		Map<String, Object> model = order(event.orderId(), event.totalAmount(), shop);
		model.put("items", items(event.items()));
		ShippingAddress address = event.shippingAddress();
		Map<String, Object> shipping = new LinkedHashMap<>();
		shipping.put("name", (address != null) ? text(address.name()) : "");
		shipping.put("line1", (address != null) ? text(address.line1()) : "");
		shipping.put("line2", (address != null) ? text(address.line2()) : "");
		shipping.put("city", (address != null) ? text(address.city()) : "");
		shipping.put("postalCode", (address != null) ? text(address.postalCode()) : "");
		shipping.put("country", (address != null) ? text(address.country()) : "");
		model.put("shippingAddress", shipping);
		model.put("createdAt", time(event.createdAt()));
		return model;
	}

	/**
	 * The model of an order confirmation.
	 * @param event the event
	 * @param shop the storefront URL
	 * @return the model
	 */
	public static Map<String, Object> of(OrderPaidV1 event, URI shop) {
		Map<String, Object> model = order(event.orderId(), event.totalAmount(), shop);
		model.put("items", items(event.items()));
		model.put("paymentId", text(event.paymentId()));
		model.put("paidAt", time(event.paidAt()));
		return model;
	}

	/**
	 * The model of a shipping notice.
	 * @param event the event
	 * @param shop the storefront URL
	 * @return the model
	 */
	public static Map<String, Object> of(OrderShippedV1 event, URI shop) {
		Map<String, Object> model = order(event.orderId(), event.totalAmount(), shop);
		model.put("carrier", text(event.carrier()));
		model.put("trackingNumber", text(event.trackingNumber()));
		model.put("shippedAt", time(event.shippedAt()));
		return model;
	}

	/**
	 * The model of a cancellation notice.
	 * @param event the event
	 * @param shop the storefront URL
	 * @return the model
	 */
	public static Map<String, Object> of(OrderCancelledV1 event, URI shop) {
		Map<String, Object> model = order(event.orderId(), event.totalAmount(), shop);
		model.put("reason", reason(event.reason()));
		model.put("refunded", event.refunded());
		model.put("cancelledAt", time(event.cancelledAt()));
		return model;
	}

	/**
	 * The model of a refund notice.
	 * @param event the event
	 * @param shop the storefront URL
	 * @return the model
	 */
	public static Map<String, Object> of(PaymentRefundedV1 event, URI shop) {
		Map<String, Object> model = order(event.orderId(), null, shop);
		model.put("amount", event.amount().display());
		model.put("totalRefunded", (event.totalRefunded() != null) ? event.totalRefunded().display() : "");
		model.put("fullyRefunded", event.fullyRefunded());
		model.put("reason", text(event.reason()));
		model.put("refundedAt", time(event.refundedAt()));
		return model;
	}

	/**
	 * The model of a low-stock alert.
	 * @param event the event
	 * @param shop the storefront URL
	 * @return the model
	 */
	public static Map<String, Object> of(InventoryLowStockV1 event, URI shop) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("productId", event.productId().toString());
		model.put("sellerId", event.sellerId().toString());
		model.put("available", event.available());
		model.put("threshold", event.threshold());
		model.put("productUrl", link(shop, "/products/" + event.productId()));
		return model;
	}

	/**
	 * Adds the recipient's values and the shop URL; values the event carried win (a reset
	 * event's address is newer than the replica's).
	 * @param model the event's model
	 * @param firstName the recipient's first name
	 * @param lastName the recipient's last name or {@code null}
	 * @param email the recipient's address or {@code null}
	 * @param shop the storefront URL
	 * @return the complete model
	 */
	public static Map<String, Object> withRecipient(Map<String, Object> model, @Nullable String firstName,
			@Nullable String lastName, @Nullable String email, URI shop) {
		Map<String, Object> complete = new LinkedHashMap<>();
		complete.put("firstName", text(firstName));
		complete.put("lastName", text(lastName));
		complete.put("email", text(email));
		complete.put("shopUrl", shop.toString());
		model.forEach((key, value) -> {
			if (value != null && !(value instanceof String s && s.isEmpty() && complete.containsKey(key))) {
				complete.put(key, value);
			}
		});
		return complete;
	}

	/**
	 * A complete model of an event key with sample values: the variables a template of
	 * the key may use.
	 * @param key the event key
	 * @return the sample model
	 */
	public static Map<String, Object> sample(EventKey key) {
		URI shop = URI.create("https://shop.example");
		UUID id = UUID.fromString("3f2b8c1e-0000-4000-8000-000000000001");
		Money total = new Money(new BigDecimal("59.97"), "USD");
		List<OrderItem> items = List
			.of(new OrderItem(id, "SKU-1", "Coffee beans", 3, new Money(new BigDecimal("19.99"), "USD"), total));
		Instant now = Instant.parse("2026-01-01T12:00:00Z");
		Map<String, Object> model = switch (key) {
			case USER_CREATED ->
				of(new UserCreatedV1(id, "jane@example.com", "Jane", "Doe", List.of("CUSTOMER")), shop);
			case PASSWORD_RESET_REQUESTED -> of(new PasswordResetRequestedV1(id, "jane@example.com", "Jane",
					"sample-token-sample-token-sample-token", now), shop);
			case ORDER_CREATED -> of(
					new OrderCreatedV1(id, id, total, items,
							new ShippingAddress("Jane Doe", "1 Main St", "Apt 2", "Springfield", "12345", "US"), now),
					shop);
			case ORDER_PAID -> of(new OrderPaidV1(id, id, total, id, items, now), shop);
			case ORDER_SHIPPED -> of(new OrderShippedV1(id, id, total, "UPS", "1Z999", now), shop);
			case ORDER_CANCELLED -> of(new OrderCancelledV1(id, id, total, "PAYMENT_DECLINED", true, now), shop);
			case PAYMENT_REFUNDED ->
				of(new PaymentRefundedV1(id, id, id, id, total, total, true, "damaged", now), shop);
			case INVENTORY_LOW_STOCK -> of(new InventoryLowStockV1(id, id, 2, 5), shop);
		};
		return withRecipient(model, "Jane", "Doe", "jane@example.com", shop);
	}

	private static Map<String, Object> order(UUID orderId, @Nullable Money total, URI shop) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("orderId", orderId.toString());
		model.put("orderNumber", orderId.toString().substring(0, 8).toUpperCase(Locale.ROOT));
		model.put("orderUrl", link(shop, "/orders/" + orderId));
		model.put("total", (total != null) ? total.display() : "");
		return model;
	}

	private static List<Map<String, Object>> items(@Nullable List<OrderItem> items) {
		if (items == null) {
			return List.of();
		}
		return items.stream().map((item) -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("name", text(item.name()));
			line.put("sku", text(item.sku()));
			line.put("quantity", item.quantity());
			line.put("unitPrice", (item.unitPrice() != null) ? item.unitPrice().display() : "");
			line.put("lineTotal", (item.lineTotal() != null) ? item.lineTotal().display() : "");
			return line;
		}).toList();
	}

	private static String reason(@Nullable String reason) {
		if (reason == null) {
			return "";
		}
		return switch (reason) {
			case "OUT_OF_STOCK" -> "an item is out of stock";
			case "PAYMENT_DECLINED" -> "the payment was declined";
			case "INSUFFICIENT_FUNDS" -> "the card has insufficient funds";
			case "PAYMENT_FAILED" -> "the payment failed";
			case "CUSTOMER_REQUEST" -> "you asked us to cancel it";
			case "ADMIN" -> "our team cancelled it";
			case "TIMEOUT" -> "it could not be completed in time";
			case "INVALID_ORDER" -> "the order was not valid";
			default -> reason.toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

	private static String link(URI shop, String path) {
		String base = shop.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	private static String time(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

}
