package dev.mercato.ordering.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.order.created.v1}: an order was placed, PENDING (schema in
 * contracts: {@code events/schemas/order.created.v1.json}).
 *
 * @param shippingAddress where it goes
 * @param createdAt when it was placed
 */
public record OrderCreatedV1(UUID orderId, UUID userId, Money.Json totalAmount, List<OrderItemV1> items,
		ShippingAddress shippingAddress, Instant createdAt) {

	/** Published to {@code order.events} with routing key {@code order.created}. */
	public static final EventType<OrderCreatedV1> TYPE = new EventType<>("order.events", "mercato.order.created.v1",
			OrderCreatedV1.class);

	static OrderCreatedV1 of(Order order) {
		return new OrderCreatedV1(order.id(), order.userId(), order.total().json(), OrderItemV1.of(order),
				order.shippingAddress(), order.createdAt());
	}

}
