package dev.mercato.ordering.order;

import java.util.UUID;

import dev.mercato.platform.web.NotFoundException;

/**
 * No such order, or not one the caller may see (404 either way, so ids are not probed).
 */
public class OrderNotFoundException extends NotFoundException {

	public OrderNotFoundException(UUID id) {
		super("ORDER_NOT_FOUND", "Order " + id + " not found");
	}

}
