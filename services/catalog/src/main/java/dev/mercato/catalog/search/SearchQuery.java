package dev.mercato.catalog.search;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a search or listing asks for.
 *
 * @param text the user's words; blank lists everything that passes the filters
 * @param categoryId only this category and its sub-categories
 * @param minPrice lowest price, inclusive
 * @param maxPrice highest price, inclusive
 * @param inStock only products inventory reports available
 * @param sellerId only this seller's products
 * @param sort the order
 * @param page the page, from 0
 * @param size hits per page
 * @param facets whether to count hits per category and price range
 */
public record SearchQuery(@Nullable String text, @Nullable UUID categoryId, @Nullable BigDecimal minPrice,
		@Nullable BigDecimal maxPrice, boolean inStock, @Nullable UUID sellerId, Sort sort, int page, int size,
		boolean facets) {

	/** The deepest hit a query may page to (page × size), as search engines limit it. */
	public static final int MAX_WINDOW = 10_000;

	public SearchQuery {
		if (page < 0 || size < 1 || size > 100) {
			throw new InvalidSearchException("page must be >= 0 and size 1..100");
		}
		if ((long) (page + 1) * size > MAX_WINDOW) {
			throw new InvalidSearchException("Results can be paged up to hit " + MAX_WINDOW + "; narrow the search");
		}
		if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
			throw new InvalidSearchException("minPrice must not exceed maxPrice");
		}
		text = (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * Result orders.
	 */
	public enum Sort {

		/** Best match first (newest first without words). */
		RELEVANCE,

		/** Cheapest first. */
		PRICE_ASC,

		/** Most expensive first. */
		PRICE_DESC,

		/** Alphabetical. */
		NAME_ASC,

		/** Reverse alphabetical. */
		NAME_DESC,

		/** Newest first. */
		NEWEST,

		/** Oldest first. */
		OLDEST;

		/**
		 * Parses {@code price,asc}, {@code name,desc}, {@code createdAt,desc},
		 * {@code newest} or {@code relevance}.
		 * @param value the parameter
		 * @return the order
		 * @throws InvalidSearchException when it names no order
		 */
		public static Sort parse(@Nullable String value) {
			if (value == null || value.isBlank()) {
				return RELEVANCE;
			}
			return switch (value.strip().replace(" ", "").toLowerCase(java.util.Locale.ROOT)) {
				case "relevance" -> RELEVANCE;
				case "price", "price,asc" -> PRICE_ASC;
				case "price,desc" -> PRICE_DESC;
				case "name", "name,asc" -> NAME_ASC;
				case "name,desc" -> NAME_DESC;
				case "newest", "createdat,desc" -> NEWEST;
				case "oldest", "createdat", "createdat,asc" -> OLDEST;
				default -> throw new InvalidSearchException("Unknown sort '" + value
						+ "': use relevance, price,asc, price,desc, name,asc, name,desc, createdAt,desc or createdAt,asc");
			};
		}

	}

}
