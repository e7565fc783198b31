package dev.mercato.ordering.order;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.order.cancelled.v1}: the order ended CANCELLED.
 *
 * @param reason why
 * @param refunded whether a charge was refunded
 * @param cancelledAt when
 */
public record OrderCancelledV1(UUID orderId, UUID userId, Money.Json totalAmount, CancellationReason reason,
		boolean refunded, Instant cancelledAt) {

	/** Published to {@code order.events} with routing key {@code order.cancelled}. */
	public static final EventType<OrderCancelledV1> TYPE = new EventType<>("order.events", "mercato.order.cancelled.v1",
			OrderCancelledV1.class);

	static OrderCancelledV1 of(Order order) {
		return new OrderCancelledV1(order.id(), order.userId(), order.total().json(), order.cancellationReason(),
				order.refunded(), order.cancelledAt());
	}

}
