package dev.mercato.inventory.stock;

import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.inventory.low_stock.v1}: a product's available stock went
 * from above its threshold to at or under it. Published once per such crossing.
 *
 * @param productId the product (also the subject)
 * @param sellerId the seller to alert
 * @param available units that can be reserved now
 * @param threshold the product's low-stock threshold
 */
public record InventoryLowStockV1(UUID productId, UUID sellerId, int available, int threshold) {

	/**
	 * Published to {@code inventory.events} with routing key {@code inventory.low_stock}.
	 */
	public static final EventType<InventoryLowStockV1> TYPE = new EventType<>("inventory.events",
			"mercato.inventory.low_stock.v1", InventoryLowStockV1.class);

}
