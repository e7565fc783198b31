package dev.mercato.ordering.order;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.order.shipped.v1}: an administrator handed the order to a
 * carrier.
 *
 * @param shippedAt when
 */
public record OrderShippedV1(UUID orderId, UUID userId, Money.Json totalAmount, String carrier, String trackingNumber,
		Instant shippedAt) {

	/** Published to {@code order.events} with routing key {@code order.shipped}. */
	public static final EventType<OrderShippedV1> TYPE = new EventType<>("order.events", "mercato.order.shipped.v1",
			OrderShippedV1.class);

	static OrderShippedV1 of(Order order) {
		return new OrderShippedV1(order.id(), order.userId(), order.total().json(), order.carrier(),
				order.trackingNumber(), order.shippedAt());
	}

}
