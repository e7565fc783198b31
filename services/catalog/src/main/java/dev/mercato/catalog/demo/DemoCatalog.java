package dev.mercato.catalog.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.mercato.catalog.CatalogProperties;
import dev.mercato.catalog.category.CategoryService;
import dev.mercato.catalog.product.Price;
import dev.mercato.catalog.product.ProductCreatedV1;
import dev.mercato.catalog.product.ProductStatus;
import dev.mercato.catalog.product.ProductView;
import dev.mercato.platform.events.Outbox;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo catalog ({@code mercato.demo-data.enabled=true}): the category tree and
 * {@code mercato.catalog.demo.products} generated products of the demo sellers, each
 * announced with {@code product.created} (with {@code initialStock}, so inventory has
 * stock for it). Rows are inserted with plain JDBC in batches ({@code on conflict do
 * nothing}: a restart inserts and announces nothing twice); the search index is then
 * rebuilt by {@code SearchIndex}, which runs after this loader.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("mercato.demo-data.enabled")
class DemoCatalog implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoCatalog.class);

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final CategoryService categories;

	private final CatalogProperties properties;

	private final Clock clock;

	DemoCatalog(JdbcTemplate jdbc, TransactionTemplate transactions, Outbox outbox, CategoryService categories,
			CatalogProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = outbox;
		this.categories = categories;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		Map<DemoCatalogData.Leaf, UUID> leafIds = this.transactions.execute((status) -> createCategories());
		this.categories.refresh();
		DemoCatalogGenerator generator = new DemoCatalogGenerator(this.properties.demo().seed());
		int total = this.properties.demo().products();
		int inserted = 0;
		for (int from = 0; from < total; from += BATCH) {
			int to = Math.min(total, from + BATCH);
			int first = from;
			inserted += this.transactions.execute((status) -> insertBatch(generator, first, to, leafIds));
		}
		logger.info("Demo catalog: " + inserted + " products created, " + (total - inserted) + " already present ("
				+ (System.nanoTime() - start) / 1_000_000 + " ms)");
	}

	private Map<DemoCatalogData.Leaf, UUID> createCategories() {
		Instant now = this.clock.instant();
		Map<String, UUID> roots = new LinkedHashMap<>();
		Map<DemoCatalogData.Leaf, UUID> leaves = new LinkedHashMap<>();
		for (DemoCatalogData.Leaf leaf : DemoCatalogGenerator.leaves()) {
			UUID rootId = roots.computeIfAbsent(leaf.root(),
					(root) -> category(DemoCatalogGenerator.categoryId(root, null), null, root, now));
			leaves.put(leaf,
					category(DemoCatalogGenerator.categoryId(leaf.root(), leaf.name()), rootId, leaf.name(), now));
		}
		return leaves;
	}

	// Inserts the category unless one of that name exists under the parent; answers the
	// id
	// of the one that exists then.
	private UUID category(UUID id, UUID parentId, String name, Instant now) {
		String slug = dev.mercato.catalog.category.Category.slugOf(name);
		this.jdbc.update("""
				insert into categories (id, parent_id, name, slug, created_at) values (?, ?, ?, ?, ?)
				on conflict do nothing""", id, parentId, name, slug, Timestamp.from(now));
		return this.jdbc.queryForObject("select id from categories where parent_id is not distinct from ? and slug = ?",
				UUID.class, parentId, slug);
	}

	private int insertBatch(DemoCatalogGenerator generator, int from, int to, Map<DemoCatalogData.Leaf, UUID> leafIds) {
		String currency = this.properties.currency().getCurrencyCode();
		List<DemoCatalogGenerator.DemoProduct> batch = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			batch.add(generator.product(i));
		}
		int[][] counts = this.jdbc.batchUpdate("""
				insert into products (id, sku, name, description, price_amount, currency, category_id, category_path,
				                      image_url, seller_id, status, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, 'ACTIVE', ?, ?)
				on conflict do nothing""", batch, batch.size(), (statement, product) -> {
			UUID leafId = leafIds.get(product.leaf());
			UUID rootId = DemoCatalogGenerator.categoryId(product.leaf().root(), null);
			statement.setObject(1, product.id());
			statement.setString(2, product.sku());
			statement.setString(3, product.name());
			statement.setString(4, product.description());
			statement.setBigDecimal(5, product.price());
			statement.setString(6, currency);
			statement.setObject(7, leafId);
			statement.setString(8, rootOf(leafId, rootId) + "/" + leafId);
			statement.setObject(9, product.sellerId());
			statement.setTimestamp(10, Timestamp.from(product.createdAt()));
			statement.setTimestamp(11, Timestamp.from(product.createdAt()));
		});
		int inserted = 0;
		for (int i = 0; i < batch.size(); i++) {
			if (counts[0][i] != 1) {
				continue;
			}
			inserted++;
			DemoCatalogGenerator.DemoProduct product = batch.get(i);
			DemoCatalogData.Leaf leaf = product.leaf();
			this.outbox.publish(ProductCreatedV1.TYPE, product.id().toString(),
					new ProductCreatedV1(product.id(), product.sellerId(), product.sku(), product.name(),
							product.description(), Price.of(product.price(), currency), leafIds.get(leaf),
							List.of(leaf.root(), leaf.name()), ProductView.placeholderImage(product.id()),
							ProductStatus.ACTIVE, product.initialStock(), null, product.createdAt()));
		}
		return inserted;
	}

	private UUID rootOf(UUID leafId, UUID demoRootId) {
		UUID parent = this.categories.tree().find(leafId).map((leaf) -> leaf.getParentId()).orElse(null);
		return (parent != null) ? parent : demoRootId;
	}

}
