package dev.mercato.ordering.order;

/**
 * Where an order is in its life.
 */
public enum OrderStatus {

	/** Placed; the checkout saga is running. */
	PENDING,
	/** Stock committed and payment captured. */
	CONFIRMED,
	/** Handed to a carrier. */
	SHIPPED,
	/** Arrived. */
	DELIVERED,
	/** Ended without a sale; stock released and any charge refunded. */
	CANCELLED,
	/** Paid, then fully refunded through payment. */
	REFUNDED

}
