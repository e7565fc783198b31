package dev.mercato.notification.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * {@code mercato.order.cancelled.v1} from ordering.
 *
 * @param orderId the order
 * @param userId the customer
 * @param totalAmount the order total
 * @param reason why, e.g. {@code PAYMENT_DECLINED}
 * @param refunded whether a refund was issued
 * @param cancelledAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCancelledV1(UUID orderId, UUID userId, @Nullable Money totalAmount, @Nullable String reason,
		boolean refunded, @Nullable Instant cancelledAt) {

	/** Consumed from {@code order.events}. */
	public static final EventType<OrderCancelledV1> TYPE = new EventType<>("order.events", "mercato.order.cancelled.v1",
			OrderCancelledV1.class);

}
