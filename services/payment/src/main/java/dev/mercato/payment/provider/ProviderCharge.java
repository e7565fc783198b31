package dev.mercato.payment.provider;

/**
 * A charge as the provider reports it.
 *
 * @param providerPaymentId the provider's id (a PaymentIntent id)
 * @param status the outcome
 * @param failureCode the provider's code of a failure ({@code card_declined},
 * {@code insufficient_funds}, …), or null
 * @param message a human-readable reason of a failure, or null
 */
public record ProviderCharge(String providerPaymentId, Status status, String failureCode, String message) {

	/**
	 * Outcome of a charge.
	 */
	public enum Status {

		/** The money is captured. */
		SUCCEEDED,
		/** The card was declined. */
		DECLINED,
		/** The card was declined for insufficient funds. */
		INSUFFICIENT_FUNDS,
		/** The provider failed the charge for another reason. */
		FAILED,
		/** Not final yet (e.g. processing): a webhook will tell. */
		PENDING

	}

}
