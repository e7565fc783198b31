package dev.mercato.catalog.search;

import dev.mercato.catalog.product.ProductIndexChange;
import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sets how the changing transaction's index work is synchronized: {@code read-sync} for
 * edits, {@code async} for in-stock flips; either way cached search results are dropped
 * once the change is searchable ({@link SearchResultCache}).
 */
@Component
class ProductIndexChanges {

	private final EntityManager entityManager;

	private final SearchResultCache cache;

	ProductIndexChanges(EntityManager entityManager, SearchResultCache cache) {
		this.entityManager = entityManager;
		this.cache = cache;
	}

	// runs in the publisher's thread and transaction, before its commit indexes
	@EventListener
	void on(ProductIndexChange change) {
		Search.session(this.entityManager)
			.indexingPlanSynchronizationStrategy(
					change.searchableOnReturn() ? this.cache.readSync() : this.cache.async());
	}

}
