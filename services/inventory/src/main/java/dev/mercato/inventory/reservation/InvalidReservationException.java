package dev.mercato.inventory.reservation;

/**
 * A request that can never succeed as it is (gRPC {@code INVALID_ARGUMENT}).
 */
public class InvalidReservationException extends IllegalArgumentException {

	/**
	 * Creates the exception.
	 * @param message what is wrong
	 */
	public InvalidReservationException(String message) {
		super(message);
	}

}
