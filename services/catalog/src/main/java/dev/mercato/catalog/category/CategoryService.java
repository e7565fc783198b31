package dev.mercato.catalog.category;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.mercato.platform.web.BusinessRuleException;
import dev.mercato.platform.web.ConflictException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category tree: read by everyone (as a cached snapshot), extended by admins.
 */
@Service
public class CategoryService {

	// Categories change rarely; another instance's new category shows here after this
	// long.
	private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(10);

	private final Categories categories;

	private final Clock clock;

	private volatile @Nullable Snapshot snapshot;

	CategoryService(Categories categories, Clock clock) {
		this.categories = categories;
		this.clock = clock;
	}

	/**
	 * The current tree, at most a few seconds old.
	 * @return the tree
	 */
	public CategoryTree tree() {
		Snapshot current = this.snapshot;
		long now = System.nanoTime();
		if (current == null || now - current.loadedAt() > SNAPSHOT_TTL.toNanos()) {
			current = new Snapshot(new CategoryTree(this.categories.findAll()), now);
			this.snapshot = current;
		}
		return current.tree();
	}

	/**
	 * Creates a category.
	 * @param name its name
	 * @param parentId its parent, {@code null} for a root
	 * @return the category
	 * @throws BusinessRuleException when the parent does not exist
	 * @throws ConflictException when the parent has a category of that name already
	 */
	@Transactional
	public Category create(String name, @Nullable UUID parentId) {
		if (parentId != null && !this.categories.existsById(parentId)) {
			throw new BusinessRuleException("UNKNOWN_CATEGORY", "There is no category " + parentId);
		}
		String slug = Category.slugOf(name.strip());
		boolean taken = (parentId != null) ? this.categories.existsByParentIdAndSlug(parentId, slug)
				: this.categories.existsByParentIdIsNullAndSlug(slug);
		if (taken) {
			throw new ConflictException("CATEGORY_EXISTS", "A category named '" + name.strip() + "' exists there");
		}
		Category category = this.categories.save(new Category(UUID.randomUUID(), parentId, name, this.clock.instant()));
		this.snapshot = null;
		return category;
	}

	/** Forgets the snapshot, e.g. after categories were written outside this service. */
	public void refresh() {
		this.snapshot = null;
	}

	private record Snapshot(CategoryTree tree, long loadedAt) {
	}

}
