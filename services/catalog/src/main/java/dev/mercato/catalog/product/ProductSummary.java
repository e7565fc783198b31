package dev.mercato.catalog.product;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the batch look-up answers about a product, read in one query.
 *
 * @param id the id
 * @param sku the SKU
 * @param name the name
 * @param price the committed price
 * @param currency its currency
 * @param categoryId the (leaf) category
 * @param sellerId the seller
 * @param status active or archived
 * @param imageUrl the seller's image or the generated placeholder
 */
public record ProductSummary(UUID id, String sku, String name, BigDecimal price, String currency, UUID categoryId,
		UUID sellerId, ProductStatus status, String imageUrl) {

}
