package dev.mercato.catalog.category.web;

import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.category.Category;
import dev.mercato.catalog.category.CategoryTree;
import org.jspecify.annotations.Nullable;

/**
 * A category with its sub-categories.
 *
 * @param id the id
 * @param name the name
 * @param slug the URL-friendly name
 * @param parentId the parent, absent for a root
 * @param path names from the root down to this one
 * @param children the sub-categories
 */
record CategoryNode(UUID id, String name, String slug, @Nullable UUID parentId, List<String> path,
		List<CategoryNode> children) {

	static CategoryNode of(Category category, CategoryTree tree) {
		return new CategoryNode(category.getId(), category.getName(), category.getSlug(), category.getParentId(),
				tree.pathNames(category.getId()),
				tree.children(category.getId()).stream().map((child) -> of(child, tree)).toList());
	}

}
