package dev.mercato.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.category.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ScaledNumberField;
import org.jspecify.annotations.Nullable;

/**
 * A product of a seller, and its search document: the annotations map it to the index
 * ({@code product}) that search, suggestions and listings read. Analyzers are defined in
 * {@code search.LuceneCatalogAnalysis}.
 */
@Entity
@Table(name = "products")
@Indexed(index = "product-v2")
public class Product {

	@Id
	private UUID id;

	@KeywordField(projectable = Projectable.YES)
	private String sku;

	@FullTextField(analyzer = "english", projectable = Projectable.YES)
	@FullTextField(name = "nameSuggest", analyzer = "autocomplete", searchAnalyzer = "autocomplete_query")
	@KeywordField(name = "nameSort", normalizer = "sort", sortable = Sortable.YES, searchable = Searchable.NO)
	private String name;

	@FullTextField(analyzer = "english", projectable = Projectable.YES)
	private String description;

	@Column(name = "price_amount")
	@ScaledNumberField(decimalScale = 2, projectable = Projectable.YES, sortable = Sortable.YES,
			aggregable = Aggregable.YES)
	private BigDecimal price;

	@KeywordField(projectable = Projectable.YES)
	private String currency;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "category_id")
	private Category category;

	@Column(name = "category_path")
	private String categoryPath;

	@Column(name = "image_url")
	@KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
	private @Nullable String imageUrl;

	@Column(name = "seller_id")
	@GenericField(projectable = Projectable.YES)
	private UUID sellerId;

	@Enumerated(EnumType.STRING)
	@KeywordField
	private ProductStatus status;

	// The replica is not the seller's data: applying inventory events must not make a
	// seller's concurrent edit fail its version check. The exact units are not in the
	// index (every reservation changes them); only the in-stock flag is, so Hibernate
	// Search's dirty checking re-indexes a product only when the flag flips.
	@OptimisticLock(excluded = true)
	private @Nullable Integer available;

	@OptimisticLock(excluded = true)
	@Column(name = "in_stock")
	@GenericField(projectable = Projectable.YES)
	private boolean inStock;

	@OptimisticLock(excluded = true)
	@Column(name = "availability_as_of")
	private @Nullable Instant availabilityAsOf;

	@Version
	private long version;

	@Column(name = "created_at")
	@GenericField(projectable = Projectable.YES, sortable = Sortable.YES)
	private Instant createdAt;

	@Column(name = "updated_at")
	@GenericField(projectable = Projectable.YES)
	private Instant updatedAt;

	@Column(name = "archived_at")
	private @Nullable Instant archivedAt;

	protected Product() {
	}

	/**
	 * A new, active product.
	 * @param id its id
	 * @param sellerId the seller who owns it
	 * @param details what the seller entered
	 * @param now the creation time
	 */
	public Product(UUID id, UUID sellerId, ProductDetails details, Instant now) {
		this.id = id;
		this.sellerId = sellerId;
		this.status = ProductStatus.ACTIVE;
		this.createdAt = now;
		apply(details, now);
	}

	/**
	 * Replaces what the seller entered.
	 * @param details the new values
	 * @param now the time of the change
	 * @throws IllegalStateException when the product is archived
	 */
	public void update(ProductDetails details, Instant now) {
		if (this.status == ProductStatus.ARCHIVED) {
			throw new IllegalStateException("An archived product cannot be changed");
		}
		apply(details, now);
	}

	private void apply(ProductDetails details, Instant now) {
		this.sku = details.sku();
		this.name = details.name();
		this.description = details.description();
		this.price = details.price();
		this.currency = details.currency().getCurrencyCode();
		this.category = details.category();
		this.categoryPath = String.join("/", details.categoryPath().stream().map(UUID::toString).toList());
		this.imageUrl = details.imageUrl();
		this.updatedAt = now;
	}

	/**
	 * Withdraws the product from sale.
	 * @param now the time
	 * @return {@code false} when it was archived already
	 */
	public boolean archive(Instant now) {
		if (this.status == ProductStatus.ARCHIVED) {
			return false;
		}
		this.status = ProductStatus.ARCHIVED;
		this.archivedAt = now;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Applies inventory's available units as of an event's time; an event older than the
	 * one applied last is ignored (events of one product may arrive out of order).
	 * @param units available units
	 * @param asOf the event's time
	 * @return whether the replica changed
	 */
	public boolean applyAvailability(int units, Instant asOf) {
		if (units < 0) {
			throw new IllegalArgumentException("available must not be negative: " + units);
		}
		if (this.availabilityAsOf != null && asOf.isBefore(this.availabilityAsOf)) {
			return false;
		}
		this.availabilityAsOf = asOf;
		if (this.available != null && this.available == units) {
			return false;
		}
		this.available = units;
		this.inStock = units >= 1;
		return true;
	}

	/**
	 * Whether the user may change this product: its seller or an admin.
	 * @param userId the user
	 * @param seller whether the user has role SELLER
	 * @param admin whether the user has role ADMIN
	 * @return whether they may
	 */
	public boolean isEditableBy(UUID userId, boolean seller, boolean admin) {
		return admin || (seller && this.sellerId.equals(userId));
	}

	/**
	 * The category and its ancestors, for the "category including sub-categories" filter.
	 * Categories are never moved, so the path stored with the product stays right.
	 * @return category ids, root first
	 */
	@Transient
	@KeywordField(name = "categoryIds")
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "categoryPath")))
	public List<String> getCategoryIds() {
		return List.of(this.categoryPath.split("/"));
	}

	/**
	 * The leaf category, for facets and projections.
	 * @return the category id
	 */
	@Transient
	@KeywordField(name = "categoryId", projectable = Projectable.YES, aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "categoryPath")))
	public String getCategoryKey() {
		return this.categoryPath.substring(this.categoryPath.lastIndexOf('/') + 1);
	}

	public UUID getId() {
		return this.id;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public String getCurrency() {
		return this.currency;
	}

	public Category getCategory() {
		return this.category;
	}

	public @Nullable String getImageUrl() {
		return this.imageUrl;
	}

	public UUID getSellerId() {
		return this.sellerId;
	}

	public ProductStatus getStatus() {
		return this.status;
	}

	public @Nullable Integer getAvailable() {
		return this.available;
	}

	/**
	 * Whether inventory reported at least one available unit: the only part of the
	 * replica the search index holds.
	 * @return whether it is in stock
	 */
	public boolean isInStock() {
		return this.inStock;
	}

	public long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public @Nullable Instant getArchivedAt() {
		return this.archivedAt;
	}

}
