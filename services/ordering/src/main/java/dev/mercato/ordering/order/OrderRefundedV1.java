package dev.mercato.ordering.order;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.order.refunded.v1}: payment fully refunded a paid order.
 *
 * @param refundedAmount what payment refunded in all
 * @param refundedAt when
 */
public record OrderRefundedV1(UUID orderId, UUID userId, Money.Json totalAmount, Money.Json refundedAmount,
		Instant refundedAt) {

	/** Published to {@code order.events} with routing key {@code order.refunded}. */
	public static final EventType<OrderRefundedV1> TYPE = new EventType<>("order.events", "mercato.order.refunded.v1",
			OrderRefundedV1.class);

}
