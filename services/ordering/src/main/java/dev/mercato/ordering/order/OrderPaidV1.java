package dev.mercato.ordering.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.order.paid.v1}: the checkout succeeded, the order is
 * CONFIRMED.
 *
 * @param paymentId payment's charge
 * @param paidAt when the order was confirmed
 */
public record OrderPaidV1(UUID orderId, UUID userId, Money.Json totalAmount, String paymentId, List<OrderItemV1> items,
		Instant paidAt) {

	/** Published to {@code order.events} with routing key {@code order.paid}. */
	public static final EventType<OrderPaidV1> TYPE = new EventType<>("order.events", "mercato.order.paid.v1",
			OrderPaidV1.class);

	static OrderPaidV1 of(Order order) {
		return new OrderPaidV1(order.id(), order.userId(), order.total().json(), order.paymentId(),
				OrderItemV1.of(order), order.confirmedAt());
	}

}
