package dev.mercato.ordering.cart;

import java.util.List;
import java.util.UUID;

import dev.mercato.ordering.Money;

/**
 * The cart as the customer sees it, priced with catalog's current prices.
 *
 * @param items the lines, oldest first
 * @param total sum of the available lines, or {@code null} for an empty cart
 */
public record CartView(List<Item> items, Money.Json total) {

	/**
	 * One priced line.
	 *
	 * @param productId the product
	 * @param sku its SKU, {@code null} when catalog no longer knows it
	 * @param name its name, {@code null} when catalog no longer knows it
	 * @param unitPrice current price
	 * @param quantity how many
	 * @param lineTotal price times quantity
	 * @param available whether it can still be bought (false: archived or unknown)
	 */
	public record Item(UUID productId, String sku, String name, Money.Json unitPrice, int quantity,
			Money.Json lineTotal, boolean available) {

	}

}
