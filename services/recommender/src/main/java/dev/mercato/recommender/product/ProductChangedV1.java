package dev.mercato.recommender.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The part of catalog's {@code mercato.product.created.v1} and
 * {@code mercato.product.updated.v1} the recommender reads (both carry the product's
 * state); other fields are ignored so catalog may add to the events.
 *
 * @param productId the product
 * @param name its name
 * @param categoryId its category
 * @param categoryPath category names, root first
 * @param status {@code ACTIVE} or {@code ARCHIVED}
 * @param createdAt set on created
 * @param updatedAt set on updated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductChangedV1(UUID productId, @Nullable String name, @Nullable UUID categoryId,
		@Nullable List<String> categoryPath, @Nullable String status, @Nullable Instant createdAt,
		@Nullable Instant updatedAt) {

	/** Consumed from {@code product.events}, routing key {@code product.created}. */
	public static final EventType<ProductChangedV1> CREATED = new EventType<>("product.events",
			"mercato.product.created.v1", ProductChangedV1.class);

	/** Consumed from {@code product.events}, routing key {@code product.updated}. */
	public static final EventType<ProductChangedV1> UPDATED = new EventType<>("product.events",
			"mercato.product.updated.v1", ProductChangedV1.class);

	/**
	 * Whether the product may be recommended.
	 * @return true unless archived
	 */
	public boolean active() {
		return !"ARCHIVED".equals(this.status);
	}

}
