package dev.mercato.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.CatalogProperties;
import dev.mercato.catalog.category.Category;
import dev.mercato.catalog.category.CategoryService;
import dev.mercato.catalog.category.CategoryTree;
import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.security.CurrentUser;
import dev.mercato.platform.web.BusinessRuleException;
import dev.mercato.platform.web.ConflictException;
import dev.mercato.platform.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products: read by anyone (through the cache), created and changed by their seller or an
 * admin. Every change writes its event to the outbox in the same transaction; the search
 * index follows the entity (Hibernate Search) when the transaction commits.
 */
@Service
public class ProductService {

	private final Products products;

	private final CategoryService categories;

	private final ProductCache cache;

	private final Outbox outbox;

	private final Currency currency;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	ProductService(Products products, CategoryService categories, ProductCache cache, Outbox outbox,
			CatalogProperties properties, Clock clock, ApplicationEventPublisher events, JdbcTemplate jdbc) {
		this.events = events;
		this.jdbc = jdbc;
		this.products = products;
		this.categories = categories;
		this.cache = cache;
		this.outbox = outbox;
		this.currency = properties.currency();
		this.clock = clock;
	}

	/**
	 * A product by id, archived ones included.
	 * @param id the product
	 * @return the product
	 * @throws NotFoundException when there is none
	 */
	// No transaction around the cache look-up: a hit must not take a database connection.
	public ProductView get(UUID id) {
		return this.cache.get(id).orElseGet(() -> {
			ProductView view = view(find(id));
			this.cache.put(view);
			return view;
		});
	}

	/**
	 * Products by id with their committed prices, for the batch look-up (ordering's
	 * checkout and cart, GraphQL): one primary-key query of the columns the answer needs,
	 * no entities, no cache, so a price is always the current one.
	 * @param ids the ids
	 * @return the products found (archived ones included), in no particular order
	 */
	public List<ProductSummary> summaries(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID[] array = ids.toArray(UUID[]::new);
		return this.jdbc.query("""
				select id, sku, name, price_amount, currency, category_id, seller_id, status, image_url
				from products where id = any(?)""",
				(statement) -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", array)),
				(row, n) -> {
					UUID id = row.getObject(1, UUID.class);
					String image = row.getString(9);
					return new ProductSummary(id, row.getString(2), row.getString(3), row.getBigDecimal(4),
							row.getString(5), row.getObject(6, UUID.class), row.getObject(7, UUID.class),
							ProductStatus.valueOf(row.getString(8)),
							(image != null) ? image : ProductView.placeholderImage(id));
				});
	}

	/**
	 * Creates a product for the seller (or, by an admin, for the seller named in the
	 * command or the admin).
	 * @param command the fields
	 * @param user a seller or an admin
	 * @return the product
	 */
	@Transactional
	public ProductView create(ProductCommand command, CurrentUser user) {
		if (!user.hasRole("SELLER") && !user.isAdmin()) {
			throw new AccessDeniedException("Only sellers and admins create products");
		}
		UUID sellerId = user.id();
		if (command.sellerId() != null && !command.sellerId().equals(user.id())) {
			if (!user.isAdmin()) {
				throw new AccessDeniedException("Sellers create products for themselves only");
			}
			sellerId = command.sellerId();
		}
		if (this.products.existsBySku(command.sku())) {
			throw skuTaken(command.sku());
		}
		CategoryTree tree = this.categories.tree();
		ProductDetails details = details(command, tree);
		Instant now = this.clock.instant();
		indexSearchably();
		Product product = this.products.save(new Product(UUID.randomUUID(), sellerId, details, now));
		this.products.flush();
		ProductView view = view(product, tree);
		this.outbox.publish(ProductCreatedV1.TYPE, product.getId().toString(),
				new ProductCreatedV1(product.getId(), sellerId, view.sku(), view.name(), view.description(),
						view.price(), view.category().id(), view.category().path(), view.imageUrl(), view.status(),
						command.initialStock(), command.lowStockThreshold(), now));
		return view;
	}

	/**
	 * Replaces a product's fields.
	 * @param id the product
	 * @param command the fields
	 * @param user its seller or an admin
	 * @return the product after the change
	 */
	@Transactional
	public ProductView update(UUID id, ProductCommand command, CurrentUser user) {
		Product product = find(id);
		checkEditable(product, user);
		if (product.getStatus() == ProductStatus.ARCHIVED) {
			throw new BusinessRuleException("PRODUCT_ARCHIVED", "Product " + id + " is archived");
		}
		if (this.products.existsBySkuAndIdNot(command.sku(), id)) {
			throw skuTaken(command.sku());
		}
		CategoryTree tree = this.categories.tree();
		Instant now = this.clock.instant();
		indexSearchably();
		product.update(details(command, tree), now);
		this.products.flush();
		ProductView view = view(product, tree);
		this.outbox.publish(ProductUpdatedV1.TYPE, id.toString(),
				new ProductUpdatedV1(id, product.getSellerId(), view.sku(), view.name(), view.description(),
						view.price(), view.category().id(), view.category().path(), view.imageUrl(), view.status(),
						now));
		this.cache.evictAfterCommit(id);
		return view;
	}

	/**
	 * Archives a product: no longer listed or searchable, still readable by id. Archiving
	 * an archived product changes nothing.
	 * @param id the product
	 * @param user its seller or an admin
	 */
	@Transactional
	public void archive(UUID id, CurrentUser user) {
		Product product = find(id);
		checkEditable(product, user);
		Instant now = this.clock.instant();
		indexSearchably();
		if (product.archive(now)) {
			this.outbox.publish(ProductDeletedV1.TYPE, id.toString(),
					new ProductDeletedV1(id, product.getSellerId(), now));
			this.cache.evictAfterCommit(id);
		}
	}

	/**
	 * Records that a signed-in user opened a product (for recommendations and analytics).
	 * @param productId the product
	 * @param userId the user
	 */
	@Transactional
	public void viewed(UUID productId, UUID userId) {
		this.outbox.publish(ProductViewedV1.TYPE, productId.toString(),
				new ProductViewedV1(productId, userId, this.clock.instant()));
	}

	/**
	 * Applies inventory's available units to the replica, in the caller's transaction.
	 * @param productId the product
	 * @param available available units
	 * @param asOf the time of the inventory event
	 * @return whether the product is known and its replica changed
	 */
	@Transactional
	public boolean applyAvailability(UUID productId, int available, Instant asOf) {
		return this.products.findById(productId).map((product) -> {
			boolean wasInStock = product.isInStock();
			boolean changed = product.applyAvailability(available, asOf);
			if (changed) {
				this.cache.evictAfterCommit(productId);
			}
			if (product.isInStock() != wasInStock) {
				// Only a flip touches the index (the exact units are not in it). The
				// replica
				// is eventually consistent anyway: the consumer does not wait for the
				// index
				// (100,000 stock events after a bulk load would each pay for a refresh).
				this.events.publishEvent(new ProductIndexChange(false));
			}
			return changed;
		}).orElse(false);
	}

	/**
	 * The API view of a product.
	 * @param product the product
	 * @return the view
	 */
	public ProductView view(Product product) {
		return view(product, this.categories.tree());
	}

	private ProductView view(Product product, CategoryTree tree) {
		UUID categoryId = product.getCategory().getId();
		List<String> path = tree.pathNames(categoryId);
		String categoryName = path.isEmpty() ? product.getCategory().getName() : path.getLast();
		String image = (product.getImageUrl() != null) ? product.getImageUrl()
				: ProductView.placeholderImage(product.getId());
		return new ProductView(product.getId(), product.getSku(), product.getName(), product.getDescription(),
				Price.of(product.getPrice(), product.getCurrency()),
				new ProductView.CategoryRef(categoryId, categoryName, path), image, product.getSellerId(),
				product.getAvailable(), product.getStatus(), product.getCreatedAt(), product.getUpdatedAt());
	}

	private ProductDetails details(ProductCommand command, CategoryTree tree) {
		if (!this.currency.getCurrencyCode().equals(command.currency())) {
			throw new BusinessRuleException("UNSUPPORTED_CURRENCY",
					"Prices are in " + this.currency.getCurrencyCode() + ", not " + command.currency());
		}
		if (command.price().scale() > this.currency.getDefaultFractionDigits()) {
			throw new BusinessRuleException("INVALID_PRICE", "A price in " + this.currency.getCurrencyCode()
					+ " has at most " + this.currency.getDefaultFractionDigits() + " decimals");
		}
		Category category = tree.find(command.categoryId()).orElse(null);
		if (category == null) {
			// a category created on another instance in the last seconds
			this.categories.refresh();
			category = this.categories.tree()
				.find(command.categoryId())
				.orElseThrow(() -> new BusinessRuleException("UNKNOWN_CATEGORY",
						"There is no category " + command.categoryId()));
			tree = this.categories.tree();
		}
		List<UUID> path = tree.path(category.getId()).stream().map(Category::getId).toList();
		return new ProductDetails(command.sku(), command.name(), command.description(), command.price(), this.currency,
				category, path, command.imageUrl());
	}

	// The change is searchable when the request returns.
	private void indexSearchably() {
		this.events.publishEvent(new ProductIndexChange(true));
	}

	private Product find(UUID id) {
		return this.products.findById(id)
			.orElseThrow(() -> new NotFoundException("PRODUCT_NOT_FOUND", "There is no product " + id));
	}

	private static void checkEditable(Product product, CurrentUser user) {
		if (!product.isEditableBy(user.id(), user.hasRole("SELLER"), user.isAdmin())) {
			throw new AccessDeniedException("Only the product's seller or an admin may change it");
		}
	}

	private static ConflictException skuTaken(String sku) {
		return new ConflictException("SKU_TAKEN", "Another product has SKU " + sku);
	}

}
