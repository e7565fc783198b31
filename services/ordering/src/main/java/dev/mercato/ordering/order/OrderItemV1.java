package dev.mercato.ordering.order;

import java.util.List;
import java.util.UUID;

import dev.mercato.ordering.Money;

/**
 * An order line in the payloads of {@code order.*} events.
 *
 * @param lineTotal price times quantity
 */
public record OrderItemV1(UUID productId, String sku, String name, int quantity, Money.Json unitPrice,
		Money.Json lineTotal) {

	static List<OrderItemV1> of(Order order) {
		return order.lines()
			.stream()
			.map((line) -> new OrderItemV1(line.productId(), line.sku(), line.name(), line.quantity(),
					line.unitPrice(order.currency()).json(), line.lineTotal(order.currency()).json()))
			.toList();
	}

}
