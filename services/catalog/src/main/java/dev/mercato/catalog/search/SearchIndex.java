package dev.mercato.catalog.search;

import java.time.Duration;

import dev.mercato.catalog.CatalogProperties;
import dev.mercato.catalog.product.Product;
import dev.mercato.catalog.product.Products;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.search.mapper.orm.Search;

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

	private static final Log logger = LogFactory.getLog(SearchIndex.class);

	private final EntityManagerFactory entityManagerFactory;

	private final Products products;

	private final CatalogProperties properties;

	SearchIndex(EntityManagerFactory entityManagerFactory, Products products, CatalogProperties properties) {
		this.entityManagerFactory = entityManagerFactory;
		this.products = products;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
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
	 * Drops this instance's index and indexes every product of the database again.
	 * Searches meanwhile see a partial index.
	 * @return what was done
	 * @throws InterruptedException when interrupted while indexing
	 */
	public Rebuild rebuild() throws InterruptedException {
		long start = System.nanoTime();
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			// two loader threads plus the id loader: the connection pool has five
			Search.session(entityManager)
				.massIndexer(Product.class)
				.purgeAllOnStart(true)
				.threadsToLoadObjects(2)
				.batchSizeToLoadObjects(500)
				.startAndWait();
		}
		Rebuild rebuild = new Rebuild(documents(), Duration.ofNanos(System.nanoTime() - start).toMillis());
		logger.info("Search index rebuilt: " + rebuild.documents() + " products in " + rebuild.tookMs() + " ms");
		return rebuild;
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
