package dev.mercato.payment.charge;

/**
 * Where a payment stands. Only {@code PENDING} changes to a charge outcome; only captured
 * payments move on to (partially) refunded.
 */
public enum PaymentStatus {

	/** Created; the provider has not answered finally. */
	PENDING,
	/** Money captured. */
	CAPTURED,
	/** The card was declined. */
	DECLINED,
	/** Declined for insufficient funds. */
	INSUFFICIENT_FUNDS,
	/** The provider failed the charge for another reason. */
	FAILED,
	/** Part of the captured amount was refunded. */
	PARTIALLY_REFUNDED,
	/** Everything captured was refunded. */
	REFUNDED;

	/**
	 * Whether money was captured (refunds are possible).
	 * @return whether captured, possibly partly refunded
	 */
	public boolean isCaptured() {
		return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
	}

}
