package dev.mercato.notification.event;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;

/**
 * {@code mercato.inventory.low_stock.v1} from inventory.
 *
 * @param productId the product
 * @param sellerId its seller
 * @param available units still available
 * @param threshold the product's threshold
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryLowStockV1(UUID productId, UUID sellerId, int available, int threshold) {

	/** Consumed from {@code inventory.events}. */
	public static final EventType<InventoryLowStockV1> TYPE = new EventType<>("inventory.events",
			"mercato.inventory.low_stock.v1", InventoryLowStockV1.class);

}
