package dev.mercato.payment.provider;

import java.time.Instant;

/**
 * A verified provider webhook event, in provider-neutral terms.
 *
 * @param id the provider's event id (the dedupe key)
 * @param type the provider's event type, e.g. {@code payment_intent.succeeded}
 * @param kind what the event means here
 * @param occurredAt when the provider created the event
 * @param providerObjectId the PaymentIntent or refund id
 * @param orderId the {@code order_id} metadata of a PaymentIntent, or null
 * @param refundId the {@code refund_id} metadata of a refund, or null
 * @param failureCode a failure's code, or null
 * @param message a failure's message, or null
 */
public record ProviderEvent(String id, String type, Kind kind, Instant occurredAt, String providerObjectId,
		String orderId, String refundId, String failureCode, String message) {

	/**
	 * What an event means for this service.
	 */
	public enum Kind {

		/** A charge succeeded. */
		CHARGE_SUCCEEDED,
		/** A charge failed. */
		CHARGE_FAILED,
		/** A refund succeeded. */
		REFUND_SUCCEEDED,
		/** A refund failed. */
		REFUND_FAILED,
		/** Nothing this service acts on. */
		IGNORED

	}

}
