package dev.mercato.inventory.reservation;

import java.util.UUID;

import dev.mercato.platform.web.NotFoundException;

/**
 * A call for an order without reservation (404, gRPC {@code NOT_FOUND}).
 */
public class ReservationNotFoundException extends NotFoundException {

	ReservationNotFoundException(UUID orderId) {
		super("RESERVATION_NOT_FOUND", "No reservation for order " + orderId);
	}

}
