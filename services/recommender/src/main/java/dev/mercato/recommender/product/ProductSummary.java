package dev.mercato.recommender.product;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A recommendable product as the replica knows it.
 *
 * @param id the product
 * @param name its name
 * @param categoryId its (leaf) category
 * @param categoryPath category names, root first
 */
public record ProductSummary(UUID id, String name, @Nullable UUID categoryId, List<String> categoryPath) {

	/**
	 * Whether the product is in the category, given as an id or a name on its path.
	 * @param category a category id or name
	 * @return whether it matches
	 */
	public boolean isIn(String category) {
		if (this.categoryId != null && this.categoryId.toString().equalsIgnoreCase(category)) {
			return true;
		}
		return this.categoryPath.stream().anyMatch(category::equalsIgnoreCase);
	}

}
