package dev.mercato.ordering.order.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.ordering.Money;

/**
 * {@code mercato.payment.refunded.v1} as ordering reads it (schema owned by payment).
 *
 * @param paymentId the charge
 * @param orderId the order
 * @param userId the customer
 * @param refundId this refund
 * @param amount this refund's amount
 * @param totalRefunded everything refunded of the charge so far
 * @param fullyRefunded whether nothing is left to refund
 * @param reason why
 * @param refundedAt when
 */
record PaymentRefundedV1(String paymentId, UUID orderId, UUID userId, String refundId, Money.Json amount,
		Money.Json totalRefunded, Boolean fullyRefunded, String reason, Instant refundedAt) {

	static final String TYPE = "mercato.payment.refunded.v1";

}
