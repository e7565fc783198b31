package dev.mercato.catalog.product;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A create or update request, syntactically valid (the web layer checked the fields).
 *
 * @param sku the SKU
 * @param name the name
 * @param description the description
 * @param price the amount
 * @param currency the currency code
 * @param categoryId the category
 * @param imageUrl an image URL, or {@code null} for the generated placeholder
 * @param initialStock units on hand for inventory (create only)
 * @param lowStockThreshold inventory's threshold (create only)
 * @param sellerId the seller an admin creates the product for (create only)
 */
public record ProductCommand(String sku, String name, String description, BigDecimal price, String currency,
		UUID categoryId, @Nullable String imageUrl, @Nullable Integer initialStock, @Nullable Integer lowStockThreshold,
		@Nullable UUID sellerId) {

}
