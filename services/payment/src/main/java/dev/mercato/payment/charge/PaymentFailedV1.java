package dev.mercato.payment.charge;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.payment.failed.v1}: the charge was refused for good.
 *
 * @param paymentId the payment (also the subject)
 * @param orderId the order
 * @param userId the paying user
 * @param amount the amount that was not charged
 * @param reason {@code DECLINED}, {@code INSUFFICIENT_FUNDS} or {@code PROVIDER_ERROR}
 * @param message the provider's message
 * @param failedAt when the failure was recorded
 */
public record PaymentFailedV1(UUID paymentId, UUID orderId, UUID userId, Money.Json amount, String reason,
		String message, Instant failedAt) {

	/** Published to {@code payment.events} with routing key {@code payment.failed}. */
	public static final EventType<PaymentFailedV1> TYPE = new EventType<>("payment.events", "mercato.payment.failed.v1",
			PaymentFailedV1.class);

}
