package dev.mercato.inventory.stock.web;

import java.util.UUID;

import dev.mercato.inventory.stock.StockLevel;

/**
 * A product's stock levels as the API shows them.
 */
record StockResponse(UUID productId, int onHand, int reserved, int available, int lowStockThreshold) {

	static StockResponse of(StockLevel level) {
		return new StockResponse(level.productId(), level.onHand(), level.reserved(), level.available(),
				level.lowStockThreshold());
	}

}
