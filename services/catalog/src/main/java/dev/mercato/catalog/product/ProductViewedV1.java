package dev.mercato.catalog.product;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.product.viewed.v1}: a signed-in user opened a product.
 *
 * @param productId the product (also the subject)
 * @param userId the user
 * @param viewedAt when
 */
public record ProductViewedV1(UUID productId, UUID userId, Instant viewedAt) {

	/** Published to {@code interaction.events}, routing key {@code product.viewed}. */
	public static final EventType<ProductViewedV1> TYPE = new EventType<>("interaction.events",
			"mercato.product.viewed.v1", ProductViewedV1.class);

}
