package dev.mercato.payment.refund;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.payment.refunded.v1}: a refund succeeded.
 *
 * @param paymentId the payment (also the subject)
 * @param orderId the order
 * @param userId the paying user
 * @param refundId the refund
 * @param amount this refund's amount
 * @param totalRefunded everything refunded of the payment so far
 * @param fullyRefunded whether nothing captured is left
 * @param reason the refund's reason
 * @param refundedAt when the refund was recorded
 */
public record PaymentRefundedV1(UUID paymentId, UUID orderId, UUID userId, UUID refundId, Money.Json amount,
		Money.Json totalRefunded, boolean fullyRefunded, String reason, Instant refundedAt) {

	/** Published to {@code payment.events} with routing key {@code payment.refunded}. */
	public static final EventType<PaymentRefundedV1> TYPE = new EventType<>("payment.events",
			"mercato.payment.refunded.v1", PaymentRefundedV1.class);

}
