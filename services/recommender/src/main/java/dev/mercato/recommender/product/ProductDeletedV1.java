package dev.mercato.recommender.product;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Catalog's {@code mercato.product.deleted.v1}: the product is archived and must never be
 * recommended again.
 *
 * @param productId the product
 * @param archivedAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductDeletedV1(UUID productId, @Nullable Instant archivedAt) {

	/** Consumed from {@code product.events}, routing key {@code product.deleted}. */
	public static final EventType<ProductDeletedV1> TYPE = new EventType<>("product.events",
			"mercato.product.deleted.v1", ProductDeletedV1.class);

}
