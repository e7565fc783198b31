package dev.mercato.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A product as the API shows it (and as the cache keeps it).
 *
 * @param id the id
 * @param sku the SKU
 * @param name the name
 * @param description the description
 * @param price the price
 * @param category its category with the path from the root
 * @param imageUrl the image; relative URLs resolve against the gateway
 * @param sellerId the seller
 * @param available units inventory can still reserve (a replica, eventually consistent),
 * absent until inventory reported the product
 * @param status {@code ACTIVE} or {@code ARCHIVED}
 * @param createdAt created
 * @param updatedAt last changed
 */
public record ProductView(UUID id, String sku, String name, String description, Price price, CategoryRef category,
		String imageUrl, UUID sellerId, @Nullable Integer available, ProductStatus status, Instant createdAt,
		Instant updatedAt) {

	/**
	 * The image URL of a product without one of its own: the generated placeholder.
	 * @param productId the product
	 * @return {@code /api/products/<id>/image}
	 */
	public static String placeholderImage(UUID productId) {
		return "/api/products/" + productId + "/image";
	}

	/**
	 * A product's category.
	 *
	 * @param id the category id
	 * @param name its name
	 * @param path names from the root down to it
	 */
	public record CategoryRef(UUID id, String name, List<String> path) {

	}

}
