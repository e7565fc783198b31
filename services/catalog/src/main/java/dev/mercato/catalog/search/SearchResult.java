package dev.mercato.catalog.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.product.ProductView;
import org.jspecify.annotations.Nullable;

/**
 * A page of products with facet counts.
 *
 * @param items the products of this page
 * @param page the page, from 0
 * @param size the page size asked for
 * @param total hits in total
 * @param totalPages pages in total
 * @param facets counts per category and price range (search only)
 */
public record SearchResult(List<ProductView> items, int page, int size, long total, int totalPages,
		@Nullable Facets facets) {

	/**
	 * Facet counts over all hits (not just this page).
	 *
	 * @param category hits per category, most first
	 * @param price hits per price range, cheapest range first; empty ranges left out
	 */
	public record Facets(List<CategoryCount> category, List<PriceCount> price) {

	}

	/**
	 * Hits in one category.
	 *
	 * @param value the category id (the {@code category} filter's value)
	 * @param name its name
	 * @param path names from the root
	 * @param count hits
	 */
	public record CategoryCount(UUID value, String name, List<String> path, long count) {

	}

	/**
	 * Hits in a price range.
	 *
	 * @param from lowest price, inclusive
	 * @param to highest price, exclusive; absent for no limit
	 * @param count hits
	 */
	public record PriceCount(BigDecimal from, @Nullable BigDecimal to, long count) {

	}

}
