package dev.mercato.ordering.order;

/**
 * Why an order was cancelled ({@code order.cancelled}'s {@code reason}).
 */
public enum CancellationReason {

	/** Inventory could not reserve every line. */
	OUT_OF_STOCK,
	/** The card was declined. */
	PAYMENT_DECLINED,
	/** The card lacked funds. */
	INSUFFICIENT_FUNDS,
	/**
	 * Payment refused the charge for another reason (unknown method, invalid request).
	 */
	PAYMENT_FAILED,
	/** The customer cancelled. */
	CUSTOMER_REQUEST,
	/** An administrator cancelled. */
	ADMIN,
	/**
	 * The checkout did not finish within the saga timeout, or the reservation expired.
	 */
	TIMEOUT,
	/** A participant rejected the order as invalid. */
	INVALID_ORDER

}
