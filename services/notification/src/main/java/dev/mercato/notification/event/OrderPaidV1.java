package dev.mercato.notification.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * {@code mercato.order.paid.v1} from ordering: the checkout succeeded.
 *
 * @param orderId the order
 * @param userId the customer
 * @param totalAmount the amount paid
 * @param paymentId the payment
 * @param items the lines
 * @param paidAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPaidV1(UUID orderId, UUID userId, Money totalAmount, @Nullable UUID paymentId, List<OrderItem> items,
		@Nullable Instant paidAt) {

	/** Consumed from {@code order.events}. */
	public static final EventType<OrderPaidV1> TYPE = new EventType<>("order.events", "mercato.order.paid.v1",
			OrderPaidV1.class);

}
