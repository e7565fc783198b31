package dev.mercato.ordering.order;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.order.delivered.v1}: the order arrived.
 *
 * @param deliveredAt when
 */
public record OrderDeliveredV1(UUID orderId, UUID userId, Money.Json totalAmount, Instant deliveredAt) {

	/** Published to {@code order.events} with routing key {@code order.delivered}. */
	public static final EventType<OrderDeliveredV1> TYPE = new EventType<>("order.events", "mercato.order.delivered.v1",
			OrderDeliveredV1.class);

	static OrderDeliveredV1 of(Order order) {
		return new OrderDeliveredV1(order.id(), order.userId(), order.total().json(), order.deliveredAt());
	}

}
