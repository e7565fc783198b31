package dev.mercato.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stock held for one order.
 *
 * @param orderId the order (the idempotency key)
 * @param status where it is in its life
 * @param expiresAt when the sweeper releases it if it is still {@link Status#RESERVED}
 * @param lines what it holds, in product order
 */
public record Reservation(UUID orderId, Status status, Instant expiresAt, List<ReservationLine> lines) {

	public Reservation {
		lines = List.copyOf(lines);
	}

	/**
	 * The life of a reservation: {@code RESERVED} then exactly one of the others, which
	 * are final.
	 */
	public enum Status {

		/** Holding stock. */
		RESERVED,
		/** Sold: the units left on-hand stock. */
		COMMITTED,
		/** Given back by the saga. */
		RELEASED,
		/**
		 * Sold, then the order was cancelled: the units went back to on-hand stock.
		 */
		RETURNED,
		/** Given back by the sweeper after its expiry. */
		EXPIRED

	}

}
