package dev.mercato.notification.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * {@code mercato.order.shipped.v1} from ordering.
 *
 * @param orderId the order
 * @param userId the customer
 * @param totalAmount the order total
 * @param carrier the carrier
 * @param trackingNumber the carrier's tracking number
 * @param shippedAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderShippedV1(UUID orderId, UUID userId, @Nullable Money totalAmount, String carrier,
		String trackingNumber, @Nullable Instant shippedAt) {

	/** Consumed from {@code order.events}. */
	public static final EventType<OrderShippedV1> TYPE = new EventType<>("order.events", "mercato.order.shipped.v1",
			OrderShippedV1.class);

}
