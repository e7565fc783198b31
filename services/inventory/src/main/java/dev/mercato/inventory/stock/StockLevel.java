package dev.mercato.inventory.stock;

import java.util.UUID;

/**
 * The levels of one product's stock.
 *
 * @param productId the product
 * @param sellerId the seller who owns the product
 * @param onHand units physically in stock (sold units leave on commit)
 * @param reserved units held by live reservations
 * @param lowStockThreshold available stock at or under which the product is low on stock
 */
public record StockLevel(UUID productId, UUID sellerId, int onHand, int reserved, int lowStockThreshold) {

	/**
	 * Units that can still be reserved.
	 * @return on hand minus reserved
	 */
	public int available() {
		return this.onHand - this.reserved;
	}

	/**
	 * Whether the product is at or under its threshold.
	 * @return whether available stock is at or under the threshold
	 */
	public boolean isLow() {
		return available() <= this.lowStockThreshold;
	}

}
