package dev.mercato.recommender.interaction.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The parts of the interaction events the recommender reads; other fields are ignored so
 * producers may add to them.
 */
final class InteractionEvents {

	private InteractionEvents() {
	}

	/**
	 * Catalog's {@code mercato.product.viewed.v1} (signed-in users only).
	 *
	 * @param productId the product
	 * @param userId the viewer
	 * @param viewedAt when
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ProductViewedV1(UUID productId, UUID userId, @Nullable Instant viewedAt) {

		static final EventType<ProductViewedV1> TYPE = new EventType<>("interaction.events",
				"mercato.product.viewed.v1", ProductViewedV1.class);

	}

	/**
	 * Ordering's {@code mercato.cart.item_added.v1}.
	 *
	 * @param userId the shopper
	 * @param productId the product
	 * @param addedAt when
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CartItemAddedV1(UUID userId, UUID productId, @Nullable Instant addedAt) {

		static final EventType<CartItemAddedV1> TYPE = new EventType<>("interaction.events",
				"mercato.cart.item_added.v1", CartItemAddedV1.class);

	}

	/**
	 * Ordering's {@code mercato.order.paid.v1}.
	 *
	 * @param orderId the order
	 * @param userId the buyer
	 * @param items the order's lines
	 * @param paidAt when
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrderPaidV1(UUID orderId, UUID userId, @Nullable List<Item> items, @Nullable Instant paidAt) {

		static final EventType<OrderPaidV1> TYPE = new EventType<>("order.events", "mercato.order.paid.v1",
				OrderPaidV1.class);

		/**
		 * One order line.
		 *
		 * @param productId the product bought
		 */
		@JsonIgnoreProperties(ignoreUnknown = true)
		record Item(UUID productId) {
		}

	}

}
