package dev.mercato.notification.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * {@code mercato.order.created.v1} from ordering.
 *
 * @param orderId the order
 * @param userId the customer
 * @param totalAmount the order total
 * @param items the lines
 * @param shippingAddress where it goes
 * @param createdAt when it was placed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCreatedV1(UUID orderId, UUID userId, Money totalAmount, List<OrderItem> items,
		@Nullable ShippingAddress shippingAddress, @Nullable Instant createdAt) {

	/** Consumed from {@code order.events}. */
	public static final EventType<OrderCreatedV1> TYPE = new EventType<>("order.events", "mercato.order.created.v1",
			OrderCreatedV1.class);

}
