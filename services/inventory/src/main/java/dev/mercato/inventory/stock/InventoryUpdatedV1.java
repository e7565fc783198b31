package dev.mercato.inventory.stock;

import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.inventory.updated.v1}: a product's available stock changed.
 *
 * @param productId the product (also the subject)
 * @param available units that can be reserved
 * @param onHand units in stock
 * @param reserved units held by reservations
 */
public record InventoryUpdatedV1(UUID productId, int available, int onHand, int reserved) {

	/**
	 * Published to {@code inventory.events} with routing key {@code inventory.updated}.
	 */
	public static final EventType<InventoryUpdatedV1> TYPE = new EventType<>("inventory.events",
			"mercato.inventory.updated.v1", InventoryUpdatedV1.class);

	static InventoryUpdatedV1 of(StockLevel level) {
		return new InventoryUpdatedV1(level.productId(), level.available(), level.onHand(), level.reserved());
	}

}
