package dev.mercato.catalog.search;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.CatalogProperties;
import dev.mercato.catalog.product.Product;
import dev.mercato.catalog.product.Products;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The search index as a whole: rebuilt from the database on request (admin endpoint,
 * {@code --mercato.catalog.reindex}) and at start-up when it does not hold as many
 * products as the table (a fresh or wiped index directory, a purged database). Runs after
 * the demo catalog loader.
 */
@Component
@Order(100)
public class SearchIndex implements ApplicationRunner {

	private static final int BATCH = 500;

	private static final Log logger = LogFactory.getLog(SearchIndex.class);

	private final EntityManagerFactory entityManagerFactory;

	private final Products products;

	private final CatalogProperties properties;

	private final SearchResultCache cache;

	SearchIndex(EntityManagerFactory entityManagerFactory, Products products, CatalogProperties properties,
			SearchResultCache cache) {
		this.entityManagerFactory = entityManagerFactory;
		this.cache = cache;
		this.products = products;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean asked = args.containsOption("mercato.catalog.reindex");
		if (asked || (this.properties.reindexOnStart() && documents() != this.products.count())) {
			rebuild();
		}
	}

	/**
	 * Documents in this instance's index.
	 * @return the count, archived products included
	 */
	public long documents() {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			return Search.session(entityManager).search(Product.class).where((f) -> f.matchAll()).fetchTotalHitCount();
		}
	}

	/**
	 * Indexes every product of the database again. Documents are replaced one by one
	 * ("add or update", never a plain add as Hibernate Search's mass indexer does), so
	 * changes indexed by other transactions meanwhile never leave a product twice in the
	 * index, and searches keep working throughout. Documents of products the database no
	 * longer has (a wiped database beside an old index) are then removed by a second pass
	 * over an emptied index.
	 * @return what was done
	 */
	public Rebuild rebuild() {
		long start = System.nanoTime();
		long indexed;
		// nothing is cached while documents are replaced, and nothing cached before is
		// served after
		this.cache.rebuildStarted();
		try {
			long expected = this.products.count();
			boolean purge = documents() > expected;
			indexed = reindexAll(purge);
			if (documents() != this.products.count()) {
				indexed = reindexAll(true);
			}
		}
		finally {
			this.cache.rebuildFinished();
		}
		Rebuild rebuild = new Rebuild(documents(), Duration.ofNanos(System.nanoTime() - start).toMillis());
		logger.info("Search index rebuilt: " + indexed + " products indexed, " + rebuild.documents() + " documents, in "
				+ rebuild.tookMs() + " ms");
		return rebuild;
	}

	private long reindexAll(boolean purge) {
		long indexed = 0;
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			if (purge) {
				session.workspace(Product.class).purge();
			}
			UUID after = null;
			while (true) {
				List<Product> batch = ((after != null)
						? entityManager
							.createQuery("select p from Product p where p.id > :after order by p.id", Product.class)
							.setParameter("after", after)
						: entityManager.createQuery("select p from Product p order by p.id", Product.class))
					.setMaxResults(BATCH)
					.getResultList();
				if (batch.isEmpty()) {
					break;
				}
				SearchIndexingPlan plan = session.indexingPlan();
				batch.forEach(plan::addOrUpdate);
				plan.execute();
				indexed += batch.size();
				after = batch.getLast().getId();
				entityManager.clear();
			}
			session.workspace(Product.class).refresh();
		}
		return indexed;
	}

	/**
	 * The outcome of a rebuild.
	 *
	 * @param documents products in the index afterwards
	 * @param tookMs how long it took, in milliseconds
	 */
	public record Rebuild(long documents, long tookMs) {

	}

}
