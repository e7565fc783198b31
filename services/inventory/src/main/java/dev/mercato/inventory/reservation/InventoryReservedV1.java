package dev.mercato.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.inventory.reserved.v1}: stock is held for an order.
 *
 * @param orderId the order (also the subject)
 * @param lines what is held
 * @param expiresAt when it is released unless committed
 */
public record InventoryReservedV1(UUID orderId, List<ReservationLine> lines, Instant expiresAt) {

	/**
	 * Published to {@code inventory.events} with routing key {@code inventory.reserved}.
	 */
	public static final EventType<InventoryReservedV1> TYPE = new EventType<>("inventory.events",
			"mercato.inventory.reserved.v1", InventoryReservedV1.class);

}
