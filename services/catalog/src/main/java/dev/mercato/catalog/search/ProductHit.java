package dev.mercato.catalog.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FieldProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;
import org.jspecify.annotations.Nullable;

/**
 * A search hit read from the index alone (projections). The index does not hold the exact
 * available units (they change with every reservation): {@link ProductSearch} adds them
 * from the replica in the database, one query per page.
 *
 * @param id the product id
 * @param sku the SKU
 * @param name the name
 * @param description the description
 * @param price the price
 * @param currency its currency
 * @param categoryId the (leaf) category
 * @param imageUrl the seller's image URL, absent for the placeholder
 * @param sellerId the seller
 * @param createdAt created
 * @param updatedAt last changed
 */
@ProjectionConstructor
public record ProductHit(@IdProjection UUID id, @FieldProjection String sku, @FieldProjection String name,
		@FieldProjection String description, @FieldProjection BigDecimal price, @FieldProjection String currency,
		@FieldProjection String categoryId, @FieldProjection @Nullable String imageUrl, @FieldProjection UUID sellerId,
		@FieldProjection Instant createdAt, @FieldProjection Instant updatedAt) {

}
