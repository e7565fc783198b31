package dev.mercato.catalog.availability;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The part of inventory's {@code mercato.inventory.updated.v1} that the catalog reads.
 *
 * @param productId the product
 * @param available units that can be reserved
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryUpdatedV1(@Nullable UUID productId, @Nullable Integer available) {

	/** Consumed from {@code inventory.events}, routing key {@code inventory.updated}. */
	public static final EventType<InventoryUpdatedV1> TYPE = new EventType<>("inventory.events",
			"mercato.inventory.updated.v1", InventoryUpdatedV1.class);

}
