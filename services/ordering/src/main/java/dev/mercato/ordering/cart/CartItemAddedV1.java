package dev.mercato.ordering.cart;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.EventType;

/**
 * {@code mercato.cart.item_added.v1}: a customer put a product in their cart (or raised
 * its quantity); {@code quantity} is the line's quantity afterwards.
 *
 * @param userId the customer
 * @param productId the product
 * @param quantity the line's quantity after the change
 * @param unitPrice catalog's current price
 * @param addedAt when
 */
public record CartItemAddedV1(UUID userId, UUID productId, int quantity, Money.Json unitPrice, Instant addedAt) {

	/** Published to {@code interaction.events}, routing key {@code cart.item_added}. */
	public static final EventType<CartItemAddedV1> TYPE = new EventType<>("interaction.events",
			"mercato.cart.item_added.v1", CartItemAddedV1.class);

}
