package dev.mercato.inventory.product;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The part of catalog's {@code mercato.product.created.v1} that inventory reads; other
 * fields are ignored so catalog may add to the event.
 *
 * @param productId the new product
 * @param sellerId the seller who owns it
 * @param initialStock units on hand from the creation request, absent for 0
 * @param lowStockThreshold the product's threshold, absent for the default
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductCreatedV1(UUID productId, UUID sellerId, @Nullable Integer initialStock,
		@Nullable Integer lowStockThreshold) {

	/** Consumed from {@code product.events}, routing key {@code product.created}. */
	public static final EventType<ProductCreatedV1> TYPE = new EventType<>("product.events",
			"mercato.product.created.v1", ProductCreatedV1.class);

}
