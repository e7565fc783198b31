package dev.mercato.catalog.product;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.category.Category;
import org.jspecify.annotations.Nullable;

/**
 * What a seller enters for a product, validated.
 *
 * @param sku the stock-keeping unit, unique in the catalog
 * @param name the name
 * @param description the description
 * @param price the price, not negative, at most the currency's fraction digits
 * @param currency the currency
 * @param category the (existing) category
 * @param categoryPath the category's ancestors and itself, root first
 * @param imageUrl an http(s) image URL, or {@code null} for the generated placeholder
 */
public record ProductDetails(String sku, String name, String description, BigDecimal price, Currency currency,
		Category category, List<UUID> categoryPath, @Nullable String imageUrl) {

	public ProductDetails {
		if (price.signum() < 0) {
			throw new IllegalArgumentException("price must not be negative");
		}
		if (price.scale() > currency.getDefaultFractionDigits()) {
			throw new IllegalArgumentException("price has more decimals than " + currency + " allows");
		}
		price = price.setScale(Math.max(currency.getDefaultFractionDigits(), 0));
		categoryPath = List.copyOf(categoryPath);
		if (categoryPath.isEmpty() || !categoryPath.getLast().equals(category.getId())) {
			throw new IllegalArgumentException("categoryPath must end with the category");
		}
	}

}
