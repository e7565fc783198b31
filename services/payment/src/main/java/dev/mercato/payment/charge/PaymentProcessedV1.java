package dev.mercato.payment.charge;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.Money;
import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.payment.processed.v1}: the order's amount is captured.
 *
 * @param paymentId the payment (also the subject)
 * @param orderId the order
 * @param userId the paying user
 * @param amount the captured amount
 * @param provider {@code sandbox} or {@code stripe}
 * @param processedAt when the capture was recorded
 */
public record PaymentProcessedV1(UUID paymentId, UUID orderId, UUID userId, Money.Json amount, String provider,
		Instant processedAt) {

	/** Published to {@code payment.events} with routing key {@code payment.processed}. */
	public static final EventType<PaymentProcessedV1> TYPE = new EventType<>("payment.events",
			"mercato.payment.processed.v1", PaymentProcessedV1.class);

}
