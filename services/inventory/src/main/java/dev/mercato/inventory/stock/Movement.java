package dev.mercato.inventory.stock;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One row of the append-only audit trail.
 *
 * @param id sequence number
 * @param productId the product
 * @param deltaOnHand change of on-hand units
 * @param deltaReserved change of reserved units
 * @param reason why, see {@link Reason}
 * @param reference the order id of a reservation movement, the event id of an initial one
 * @param note free text (the reason an adjustment was given)
 * @param actor who: a user id or {@code service:<name>} or {@code system}
 * @param at when
 */
public record Movement(long id, UUID productId, int deltaOnHand, int deltaReserved, Reason reason,
		@Nullable String reference, @Nullable String note, String actor, Instant at) {

	/**
	 * Why a level changed.
	 */
	public enum Reason {

		/** The stock row was created from {@code product.created}. */
		INITIAL,
		/** A seller or admin adjusted on-hand stock. */
		ADJUSTMENT,
		/** A reservation took units. */
		RESERVED,
		/** A reservation was committed: the units are sold. */
		SOLD,
		/** A reservation was released by the saga. */
		RELEASED,
		/** A reservation passed its expiry and the sweeper released it. */
		EXPIRED,
		/** A sold order was cancelled: its units went back to on-hand stock. */
		RETURNED

	}

}
