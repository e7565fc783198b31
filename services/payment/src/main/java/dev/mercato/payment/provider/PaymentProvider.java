package dev.mercato.payment.provider;

import java.util.Optional;
import java.util.UUID;

import dev.mercato.payment.Money;

/**
 * A payment provider: moves money and keeps cards, so this service never holds a card
 * number. Every mutating call carries an idempotency key: calling again with the same key
 * returns what the first call did, never a second charge or refund. Two implementations:
 * {@code sandbox} (the default for local runs) and {@code stripe}, chosen by
 * {@code mercato.payment.provider}.
 */
public interface PaymentProvider {

	/**
	 * The provider's name, as stored with payments and used in the webhook path.
	 * @return {@code sandbox} or {@code stripe}
	 */
	String name();

	/**
	 * Charges (authorises and captures) an amount. A decline is an answer, not an
	 * exception.
	 * @param charge what to charge
	 * @return the provider's charge
	 * @throws ProviderTimeoutException when the answer did not arrive: the provider may
	 * have accepted the charge, so the caller reconciles with {@link #findCharge}
	 * @throws ProviderUnavailableException when the provider refused or could not be
	 * reached before accepting anything
	 * @throws InvalidPaymentSourceException when the token or method is not usable
	 */
	ProviderCharge charge(ChargeInstruction charge);

	/**
	 * Looks up the charge a previous attempt with this key may have created.
	 * @param charge the same instruction as the attempt
	 * @return the charge, or empty when the provider has none
	 * @throws ProviderUnavailableException when the provider cannot be asked
	 */
	Optional<ProviderCharge> findCharge(ChargeInstruction charge);

	/**
	 * Refunds (part of) a captured charge.
	 * @param refund what to refund
	 * @return the provider's refund
	 * @throws ProviderTimeoutException when the answer did not arrive
	 * @throws ProviderUnavailableException when the provider could not be reached
	 */
	ProviderRefund refund(RefundInstruction refund);

	/**
	 * Creates the provider's customer for a user (saved methods belong to it).
	 * @param userId the user
	 * @return the provider's customer id
	 */
	String createCustomer(UUID userId);

	/**
	 * Turns a one-time token into a method saved for a customer.
	 * @param token the token from the client-side tokenization
	 * @param customerId the provider's customer
	 * @return the saved method
	 * @throws InvalidPaymentSourceException when the token is unknown or used
	 */
	SavedCard attach(String token, String customerId);

	/**
	 * Removes a saved method at the provider.
	 * @param providerMethodId the provider's method id
	 */
	void detach(String providerMethodId);

	/**
	 * Verifies a webhook's signature and reads the event.
	 * @param payload the raw body
	 * @param signatureHeader the {@code Stripe-Signature} header
	 * @return the event
	 * @throws InvalidWebhookException when the signature, its timestamp or the body is
	 * not acceptable
	 */
	ProviderEvent parseWebhook(String payload, String signatureHeader);

	/**
	 * What to charge.
	 *
	 * @param idempotencyKey the provider idempotency key (derived from the order id)
	 * @param paymentId this service's payment id (sent as metadata)
	 * @param orderId the order (sent as metadata; reconciliation searches by it)
	 * @param amount the amount
	 * @param token a one-time token, or null
	 * @param customerId the customer of a saved method, or null
	 * @param methodId the saved method at the provider, or null
	 */
	record ChargeInstruction(String idempotencyKey, UUID paymentId, UUID orderId, Money amount, String token,
			String customerId, String methodId) {

	}

	/**
	 * What to refund.
	 *
	 * @param idempotencyKey the provider idempotency key (derived from the refund request
	 * id)
	 * @param refundId this service's refund id (sent as metadata)
	 * @param providerPaymentId the provider's charge
	 * @param amount the amount
	 */
	record RefundInstruction(String idempotencyKey, UUID refundId, String providerPaymentId, Money amount) {

	}

	/**
	 * A saved card at the provider.
	 *
	 * @param providerMethodId the provider's reusable method id
	 * @param brand e.g. {@code visa}
	 * @param last4 the last four digits
	 * @param expMonth 1–12
	 * @param expYear four digits
	 */
	record SavedCard(String providerMethodId, String brand, String last4, int expMonth, int expYear) {

	}

}
