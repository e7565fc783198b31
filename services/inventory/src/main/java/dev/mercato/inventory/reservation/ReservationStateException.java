package dev.mercato.inventory.reservation;

import java.util.UUID;

import dev.mercato.platform.web.ConflictException;

/**
 * A call the order's reservation cannot take in its state, e.g. commit after release
 * (409, gRPC {@code FAILED_PRECONDITION}).
 */
public class ReservationStateException extends ConflictException {

	private ReservationStateException(String code, String message) {
		super(code, message);
	}

	static ReservationStateException wrongState(UUID orderId, Reservation.Status status, String call) {
		return new ReservationStateException("RESERVATION_" + status,
				"Cannot " + call + " the reservation of order " + orderId + ": it is " + status);
	}

	static ReservationStateException conflict(UUID orderId, String message) {
		return new ReservationStateException("RESERVATION_CONFLICT", "Order " + orderId + ": " + message);
	}

}
