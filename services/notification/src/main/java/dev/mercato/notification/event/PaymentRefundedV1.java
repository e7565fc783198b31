package dev.mercato.notification.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * {@code mercato.payment.refunded.v1} from payment.
 *
 * @param paymentId the payment
 * @param orderId the order
 * @param userId the customer
 * @param refundId the refund
 * @param amount this refund
 * @param totalRefunded everything refunded so far
 * @param fullyRefunded whether the payment is now refunded in full
 * @param reason why, or {@code null}
 * @param refundedAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentRefundedV1(UUID paymentId, UUID orderId, UUID userId, @Nullable UUID refundId, Money amount,
		@Nullable Money totalRefunded, boolean fullyRefunded, @Nullable String reason, @Nullable Instant refundedAt) {

	/** Consumed from {@code payment.events}. */
	public static final EventType<PaymentRefundedV1> TYPE = new EventType<>("payment.events",
			"mercato.payment.refunded.v1", PaymentRefundedV1.class);

}
