package dev.mercato.catalog.category;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An immutable snapshot of the whole category tree, for resolving paths and sub-trees
 * without a query per product.
 */
public final class CategoryTree {

	private final Map<UUID, Category> byId;

	private final Map<UUID, List<Category>> children;

	private final List<Category> roots;

	/**
	 * Builds the tree.
	 * @param categories every category
	 */
	public CategoryTree(Collection<Category> categories) {
		Comparator<Category> byName = Comparator.comparing(Category::getName, String.CASE_INSENSITIVE_ORDER);
		this.byId = new LinkedHashMap<>();
		this.children = new HashMap<>();
		List<Category> roots = new ArrayList<>();
		categories.stream().sorted(byName).forEach((category) -> {
			this.byId.put(category.getId(), category);
			if (category.getParentId() == null) {
				roots.add(category);
			}
			else {
				this.children.computeIfAbsent(category.getParentId(), (key) -> new ArrayList<>()).add(category);
			}
		});
		this.roots = List.copyOf(roots);
	}

	public Optional<Category> find(UUID id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	public List<Category> roots() {
		return this.roots;
	}

	public List<Category> children(UUID id) {
		return List.copyOf(this.children.getOrDefault(id, List.of()));
	}

	/**
	 * The categories from the root down to this one.
	 * @param id a category
	 * @return root first, this category last; empty when unknown
	 */
	public List<Category> path(UUID id) {
		List<Category> path = new ArrayList<>();
		Category current = this.byId.get(id);
		// the depth bound guards against a cycle that the schema does not rule out
		while (current != null && path.size() < 32) {
			path.addFirst(current);
			current = (current.getParentId() != null) ? this.byId.get(current.getParentId()) : null;
		}
		return path;
	}

	/**
	 * Names from the root down to this category, as events carry them.
	 * @param id a category
	 * @return e.g. {@code [Coffee & Tea, Coffee Beans]}
	 */
	public List<String> pathNames(UUID id) {
		return path(id).stream().map(Category::getName).toList();
	}

	public int size() {
		return this.byId.size();
	}

}
