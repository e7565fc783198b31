package dev.mercato.payment.provider;

/**
 * A refund as the provider reports it.
 *
 * @param providerRefundId the provider's id
 * @param status the outcome
 */
public record ProviderRefund(String providerRefundId, Status status) {

	/**
	 * Outcome of a refund.
	 */
	public enum Status {

		/** The money is on its way back. */
		SUCCEEDED,
		/** Not final yet: a webhook will tell. */
		PENDING,
		/** The provider failed the refund. */
		FAILED

	}

}
