package dev.mercato.ordering.order;

/**
 * The next step of an order's checkout saga (persisted with the order, so a restarted
 * process resumes it).
 */
public enum SagaStep {

	/** Ask inventory to reserve every line. */
	RESERVE,
	/** Ask payment to charge the total. */
	CHARGE,
	/** Ask inventory to turn the reservation into a sale. */
	COMMIT,
	/** Undo what may have been done: release the stock, refund the charge. */
	COMPENSATE,
	/** Nothing left to do. */
	DONE;

	/**
	 * Whether the step moves the checkout forward (and so is subject to the saga
	 * timeout).
	 * @return true for RESERVE, CHARGE and COMMIT
	 */
	public boolean isForward() {
		return this == RESERVE || this == CHARGE || this == COMMIT;
	}

}
