package dev.mercato.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code mercato.product.created.v1}.
 *
 * @param productId the product (also the subject)
 * @param sellerId its seller
 * @param sku its SKU
 * @param name its name
 * @param description its description
 * @param price its price
 * @param categoryId its category
 * @param categoryPath category names, root first
 * @param imageUrl its image (relative URLs resolve against the gateway)
 * @param status {@code ACTIVE}
 * @param initialStock units on hand for inventory, absent for 0
 * @param lowStockThreshold inventory's threshold, absent for its default
 * @param createdAt when it was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductCreatedV1(UUID productId, UUID sellerId, String sku, String name, String description, Price price,
		UUID categoryId, List<String> categoryPath, String imageUrl, ProductStatus status,
		@Nullable Integer initialStock, @Nullable Integer lowStockThreshold, Instant createdAt) {

	/** Published to {@code product.events}, routing key {@code product.created}. */
	public static final EventType<ProductCreatedV1> TYPE = new EventType<>("product.events",
			"mercato.product.created.v1", ProductCreatedV1.class);

}
