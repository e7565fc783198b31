package dev.mercato.inventory.reservation;

import dev.mercato.platform.web.InvalidRequestException;

/**
 * A request that can never succeed as it is (400, gRPC {@code INVALID_ARGUMENT}).
 */
public class InvalidReservationException extends InvalidRequestException {

	public InvalidReservationException(String message) {
		super("INVALID_RESERVATION", message);
	}

}
