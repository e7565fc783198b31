package dev.mercato.inventory.reservation;

import java.util.UUID;

/**
 * A call the order's reservation cannot take in its state, e.g. commit after release
 * (gRPC {@code FAILED_PRECONDITION}), or a call for an order without reservation (gRPC
 * {@code NOT_FOUND}).
 */
public class ReservationStateException extends RuntimeException {

	private final boolean notFound;

	private ReservationStateException(String message, boolean notFound) {
		super(message);
		this.notFound = notFound;
	}

	static ReservationStateException wrongState(UUID orderId, Reservation.Status status, String call) {
		return new ReservationStateException(
				"Cannot " + call + " the reservation of order " + orderId + ": it is " + status, false);
	}

	static ReservationStateException conflict(UUID orderId, String message) {
		return new ReservationStateException("Order " + orderId + ": " + message, false);
	}

	static ReservationStateException notFound(UUID orderId) {
		return new ReservationStateException("No reservation for order " + orderId, true);
	}

	/**
	 * Whether the order has no reservation at all.
	 * @return {@code true} for an unknown order, {@code false} for a wrong state
	 */
	public boolean isNotFound() {
		return this.notFound;
	}

}
