package dev.mercato.inventory.stock;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.platform.events.Outbox;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The events that follow a change, derived from the levels after it and its deltas.
 */
class StockChangesTest {

	final Stocks stocks = mock(Stocks.class);

	final Outbox outbox = mock(Outbox.class);

	final StockChanges changes = new StockChanges(this.stocks, this.outbox);

	final UUID product = UUID.randomUUID();

	@Test
	void reservingDownToTheThresholdIsACrossing() {
		apply(10, 7, 0, 1, 3); // available 4 -> 3
		verify(this.outbox).publish(eq(InventoryLowStockV1.TYPE), anyString(), any(InventoryLowStockV1.class));
		verify(this.outbox).publish(eq(InventoryUpdatedV1.TYPE), anyString(),
				eq(new InventoryUpdatedV1(this.product, 3, 10, 7)));
	}

	@Test
	void stayingUnderTheThresholdIsNoCrossing() {
		apply(10, 8, 0, 1, 3); // available 3 -> 2
		verify(this.outbox, never()).publish(eq(InventoryLowStockV1.TYPE), anyString(), any(InventoryLowStockV1.class));
	}

	@Test
	void goingUpIsNoCrossing() {
		apply(10, 7, 0, -3, 5); // available 0 -> 3, still under 5
		verify(this.outbox, never()).publish(eq(InventoryLowStockV1.TYPE), anyString(), any(InventoryLowStockV1.class));
	}

	@Test
	void aSaleLeavesAvailabilityUnchangedSoNoEvent() {
		apply(7, 0, -3, -3, 3); // available 7 -> 7
		verify(this.outbox, never()).publish(eq(InventoryUpdatedV1.TYPE), anyString(), any(InventoryUpdatedV1.class));
		verify(this.outbox, never()).publish(eq(InventoryLowStockV1.TYPE), anyString(), any(InventoryLowStockV1.class));
	}

	@Test
	void everyChangeIsRecordedAsAMovement() {
		apply(7, 0, -3, -3, 3);
		verify(this.stocks).record(eq(this.product), eq(-3), eq(-3), eq(Movement.Reason.SOLD), any(), any(),
				anyString(), any(Instant.class));
	}

	private void apply(int onHandAfter, int reservedAfter, int deltaOnHand, int deltaReserved, int threshold) {
		Movement.Reason reason = (deltaOnHand < 0) ? Movement.Reason.SOLD : Movement.Reason.RESERVED;
		this.changes.applied(new StockLevel(this.product, UUID.randomUUID(), onHandAfter, reservedAfter, threshold),
				deltaOnHand, deltaReserved, reason, "ref", null, "test", Instant.now());
		verify(this.stocks).record(eq(this.product), anyInt(), anyInt(), eq(reason), any(), any(), anyString(),
				any(Instant.class));
	}

}
