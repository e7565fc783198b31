package dev.mercato.ordering.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mercato.ordering.Money;

/**
 * An order as the API shows it.
 *
 * @param id order id
 * @param userId customer
 * @param status status
 * @param items lines
 * @param totalAmount total
 * @param shippingAddress where it goes
 * @param cancellationReason why it was cancelled, when it was
 * @param paymentId payment's charge, once paid
 * @param carrier carrier, once shipped
 * @param trackingNumber tracking number, once shipped
 * @param createdAt placed at
 * @param updatedAt last change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID id, UUID userId, OrderStatus status, List<Item> items, Money.Json totalAmount,
		ShippingAddress shippingAddress, CancellationReason cancellationReason, String paymentId, String carrier,
		String trackingNumber, Instant createdAt, Instant updatedAt) {

	/**
	 * One line.
	 *
	 * @param productId product
	 * @param sku SKU
	 * @param name name
	 * @param unitPrice unit price
	 * @param quantity quantity
	 * @param lineTotal price times quantity
	 */
	public record Item(UUID productId, String sku, String name, Money.Json unitPrice, int quantity,
			Money.Json lineTotal) {

	}

	/**
	 * The view of a loaded aggregate.
	 * @param order the order with its lines
	 * @return the view
	 */
	public static OrderView of(Order order) {
		String currency = order.currency();
		List<Item> items = order.lines()
			.stream()
			.map((line) -> new Item(line.productId(), line.sku(), line.name(), line.unitPrice(currency).json(),
					line.quantity(), line.lineTotal(currency).json()))
			.toList();
		return new OrderView(order.id(), order.userId(), order.status(), items, order.total().json(),
				order.shippingAddress(), order.cancellationReason(), order.paymentId(), order.carrier(),
				order.trackingNumber(), order.createdAt(), order.updatedAt());
	}

}
