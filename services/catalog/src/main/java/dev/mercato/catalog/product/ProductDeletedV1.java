package dev.mercato.catalog.product;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.product.deleted.v1}: the product was archived (withdrawn from
 * sale; the row stays for past orders).
 *
 * @param productId the product (also the subject)
 * @param sellerId its seller
 * @param archivedAt when it was archived
 */
public record ProductDeletedV1(UUID productId, UUID sellerId, Instant archivedAt) {

	/** Published to {@code product.events}, routing key {@code product.deleted}. */
	public static final EventType<ProductDeletedV1> TYPE = new EventType<>("product.events",
			"mercato.product.deleted.v1", ProductDeletedV1.class);

}
