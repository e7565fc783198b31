package dev.mercato.ordering.order;

import dev.mercato.platform.web.ConflictException;

/**
 * The order's state does not allow the requested change (409).
 */
public class IllegalOrderTransitionException extends ConflictException {

	IllegalOrderTransitionException(Order order, String action) {
		super("ILLEGAL_ORDER_TRANSITION", "Order " + order.id() + " is " + order.status()
				+ (order.isCompensating() ? " (being cancelled)" : "") + " and cannot be " + action);
	}

}
