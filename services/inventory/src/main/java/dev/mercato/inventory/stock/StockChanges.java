package dev.mercato.inventory.stock;

import java.time.Instant;

import dev.mercato.platform.events.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What follows every change of a level, in the transaction of the change: the movement
 * row and the events. Because the caller holds the row lock of the update it passes in,
 * the levels before are exactly the levels after minus the deltas, so a low-stock
 * crossing is seen by exactly one transaction.
 */
@Component
public class StockChanges {

	private final Stocks stocks;

	private final Outbox outbox;

	StockChanges(Stocks stocks, Outbox outbox) {
		this.stocks = stocks;
		this.outbox = outbox;
	}

	/**
	 * Records a change that has been applied.
	 * @param after the levels the update returned
	 * @param deltaOnHand the change of on hand
	 * @param deltaReserved the change of reserved
	 * @param reason why
	 * @param reference order or event id
	 * @param note free text
	 * @param actor who
	 * @param at when
	 */
	public void applied(StockLevel after, int deltaOnHand, int deltaReserved, Movement.Reason reason,
			@Nullable String reference, @Nullable String note, String actor, Instant at) {
		this.stocks.record(after.productId(), deltaOnHand, deltaReserved, reason, reference, note, actor, at);
		int availableBefore = after.available() - (deltaOnHand - deltaReserved);
		if (availableBefore != after.available()) {
			this.outbox.publish(InventoryUpdatedV1.TYPE, after.productId().toString(), InventoryUpdatedV1.of(after));
		}
		if (availableBefore > after.lowStockThreshold() && after.isLow()) {
			this.outbox.publish(InventoryLowStockV1.TYPE, after.productId().toString(), new InventoryLowStockV1(
					after.productId(), after.sellerId(), after.available(), after.lowStockThreshold()));
		}
	}

}
