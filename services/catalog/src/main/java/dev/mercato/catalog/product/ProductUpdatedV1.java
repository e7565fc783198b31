package dev.mercato.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.product.updated.v1}: the product as it is after the change.
 *
 * @param productId the product (also the subject)
 * @param sellerId its seller
 * @param sku its SKU
 * @param name its name
 * @param description its description
 * @param price its price
 * @param categoryId its category
 * @param categoryPath category names, root first
 * @param imageUrl its image
 * @param status its status
 * @param updatedAt when it changed
 */
public record ProductUpdatedV1(UUID productId, UUID sellerId, String sku, String name, String description, Price price,
		UUID categoryId, List<String> categoryPath, String imageUrl, ProductStatus status, Instant updatedAt) {

	/** Published to {@code product.events}, routing key {@code product.updated}. */
	public static final EventType<ProductUpdatedV1> TYPE = new EventType<>("product.events",
			"mercato.product.updated.v1", ProductUpdatedV1.class);

}
