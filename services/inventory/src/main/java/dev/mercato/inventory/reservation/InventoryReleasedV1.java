package dev.mercato.inventory.reservation;

import java.util.List;
import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.inventory.released.v1}: an order's held stock was given back.
 *
 * @param orderId the order (also the subject)
 * @param lines what was given back
 * @param expired whether the sweeper released it because it passed its expiry
 * @param reason the reason the caller of Release gave, or {@code expired}
 */
public record InventoryReleasedV1(UUID orderId, List<ReservationLine> lines, boolean expired, String reason) {

	/**
	 * Published to {@code inventory.events} with routing key {@code inventory.released}.
	 */
	public static final EventType<InventoryReleasedV1> TYPE = new EventType<>("inventory.events",
			"mercato.inventory.released.v1", InventoryReleasedV1.class);

}
