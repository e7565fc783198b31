package dev.mercato.payment.charge;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.Money;

/**
 * A payment of one order, as stored.
 *
 * @param id the payment id
 * @param orderId the order (the charge's idempotency key)
 * @param userId the paying user
 * @param amount the charged amount
 * @param status where it stands
 * @param provider the provider's name
 * @param providerPaymentId the provider's charge id, once known
 * @param methodId the saved method charged, or null for a one-time token
 * @param failureCode the provider's failure code, or null
 * @param failureMessage the failure's message, or null
 * @param refunded the amount refunded so far
 * @param attemptExpiresAt until when a caller's attempt holds the claim, or null
 * @param lastEventAt time of the last provider event applied, or null
 * @param createdAt created
 * @param updatedAt last changed
 */
public record Payment(UUID id, UUID orderId, UUID userId, Money amount, PaymentStatus status, String provider,
		String providerPaymentId, UUID methodId, String failureCode, String failureMessage, Money refunded,
		Instant attemptExpiresAt, Instant lastEventAt, Instant createdAt, Instant updatedAt) {

	/**
	 * What can still be refunded, not counting refunds in flight.
	 * @return captured minus refunded (zero when nothing was captured)
	 */
	public Money refundable() {
		return this.status.isCaptured() ? this.amount.minus(this.refunded) : this.amount.minus(this.amount);
	}

}
