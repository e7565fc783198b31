package dev.mercato.inventory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mercato.inventory.*}.
 *
 * @param defaultLowStockThreshold threshold of a new stock row when the product event
 * carries none
 * @param reservation reservation settings
 */
@ConfigurationProperties("mercato.inventory")
public record InventoryProperties(@DefaultValue("5") int defaultLowStockThreshold,
		@DefaultValue Reservation reservation) {

	/**
	 * Reservation settings.
	 *
	 * @param ttl how long an uncommitted reservation holds stock
	 * @param strategy how concurrent reservations are kept from overselling
	 * @param sweepInterval pause between two runs of the expiry sweeper
	 * @param sweepBatchSize reservations expired per sweeper transaction
	 */
	public record Reservation(@DefaultValue("15m") Duration ttl,
			@DefaultValue("conditional-update") ReservationStrategy strategy,
			@DefaultValue("10s") Duration sweepInterval, @DefaultValue("100") int sweepBatchSize) {

		public Reservation {
			if (ttl.isNegative() || ttl.isZero()) {
				throw new IllegalArgumentException("mercato.inventory.reservation.ttl must be positive");
			}
			if (sweepBatchSize < 1) {
				throw new IllegalArgumentException("mercato.inventory.reservation.sweep-batch-size must be >= 1");
			}
		}

	}

	/**
	 * How a reservation takes stock without overselling (ADR 0011).
	 */
	public enum ReservationStrategy {

		/** {@code update ... where on_hand - reserved >= :q}: one statement per line. */
		CONDITIONAL_UPDATE,

		/** {@code select ... for update} of every line in product order, then update. */
		ROW_LOCK

	}

}
