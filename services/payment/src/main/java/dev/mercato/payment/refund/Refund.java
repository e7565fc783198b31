package dev.mercato.payment.refund;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.Money;

/**
 * A refund of (part of) a captured payment.
 *
 * @param id the refund id
 * @param paymentId the payment
 * @param requestKey the refund request id (idempotency key)
 * @param amount the amount
 * @param reason why
 * @param status {@code PENDING}, {@code SUCCEEDED} or {@code FAILED}
 * @param providerRefundId the provider's id, once known
 * @param requestedBy who asked (user id or {@code service:<name>})
 * @param attemptExpiresAt until when an attempt holds the claim, or null
 * @param createdAt created
 * @param updatedAt last changed
 */
public record Refund(UUID id, UUID paymentId, String requestKey, Money amount, String reason, String status,
		String providerRefundId, String requestedBy, Instant attemptExpiresAt, Instant createdAt, Instant updatedAt) {

}
