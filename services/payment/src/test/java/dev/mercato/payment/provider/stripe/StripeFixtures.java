package dev.mercato.payment.provider.stripe;

/**
 * Response bodies shaped exactly like the Stripe API reference's examples (PaymentIntent,
 * Refund, Customer, PaymentMethod, search result, error objects).
 */
public final class StripeFixtures {

	private StripeFixtures() {
	}

	public static String paymentIntent(String id, String orderId, long amount, String status) {
		String error = status.equals("requires_payment_method")
				? "{\"code\":\"card_declined\",\"decline_code\":\"generic_decline\",\"doc_url\":\"https://stripe.com/docs/error-codes/card-declined\",\"message\":\"Your card was declined.\",\"type\":\"card_error\"}"
				: "null";
		return """
				{
				  "id": "%s",
				  "object": "payment_intent",
				  "amount": %d,
				  "amount_capturable": %d,
				  "amount_received": %d,
				  "capture_method": "%s",
				  "client_secret": "%s_secret_Ye5CCpyp2nKY0K8aF1PQKTxhb",
				  "confirmation_method": "automatic",
				  "created": 1680800504,
				  "currency": "usd",
				  "customer": null,
				  "description": null,
				  "last_payment_error": %s,
				  "latest_charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
				  "livemode": false,
				  "metadata": {"order_id": "%s"},
				  "payment_method": "pm_1MtwBwLkdIwHu7ixU7yzYpKA",
				  "payment_method_types": ["card"],
				  "status": "%s"
				}""".formatted(id, amount, status.equals("requires_capture") ? amount : 0,
				status.equals("succeeded") ? amount : 0,
				status.equals("requires_capture") ? "manual" : "automatic_async", id, error, orderId, status);
	}

	public static String cardError(String declineCode, String message, String intentId, String orderId) {
		return """
				{
				  "error": {
				    "charge": "ch_3MtwBwLkdIwHu7ix0snN0B15",
				    "code": "card_declined",
				    "decline_code": "%s",
				    "doc_url": "https://stripe.com/docs/error-codes/card-declined",
				    "message": "%s",
				    "payment_intent": %s,
				    "request_log_url": "https://dashboard.stripe.com/test/logs/req_a1B2c3D4e5F6g7",
				    "type": "card_error"
				  }
				}""".formatted(declineCode, message, paymentIntent(intentId, orderId, 1999, "requires_payment_method"));
	}

	public static String rateLimit() {
		return """
				{
				  "error": {
				    "code": "rate_limit",
				    "doc_url": "https://stripe.com/docs/error-codes/rate-limit",
				    "message": "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
				    "type": "invalid_request_error"
				  }
				}""";
	}

	public static String searchResult(String... intents) {
		return """
				{
				  "object": "search_result",
				  "url": "/v1/payment_intents/search",
				  "has_more": false,
				  "data": [%s],
				  "next_page": null
				}""".formatted(String.join(",", intents));
	}

	public static String refund(String id, String intentId, long amount, String status, String refundId) {
		return """
				{
				  "id": "%s",
				  "object": "refund",
				  "amount": %d,
				  "balance_transaction": "txn_1Nispe2eZvKYlo2CYezqFhEx",
				  "charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
				  "created": 1692942318,
				  "currency": "usd",
				  "destination_details": null,
				  "metadata": {"refund_id": "%s"},
				  "payment_intent": "%s",
				  "reason": null,
				  "receipt_number": null,
				  "source_transfer_reversal": null,
				  "status": "%s",
				  "transfer_reversal": null
				}""".formatted(id, amount, refundId, intentId, status);
	}

	public static String customer(String id) {
		return """
				{
				  "id": "%s",
				  "object": "customer",
				  "address": null,
				  "balance": 0,
				  "created": 1680893993,
				  "currency": null,
				  "default_source": null,
				  "delinquent": false,
				  "description": null,
				  "email": null,
				  "invoice_prefix": "0759376C",
				  "livemode": false,
				  "metadata": {},
				  "name": null,
				  "phone": null,
				  "preferred_locales": [],
				  "shipping": null,
				  "tax_exempt": "none"
				}""".formatted(id);
	}

	public static String paymentMethod(String id, String customer) {
		return """
				{
				  "id": "%s",
				  "object": "payment_method",
				  "billing_details": {"address": {"city": null, "country": null, "line1": null, "line2": null,
				    "postal_code": null, "state": null}, "email": null, "name": null, "phone": null},
				  "card": {
				    "brand": "visa",
				    "checks": {"address_line1_check": null, "address_postal_code_check": null, "cvc_check": "pass"},
				    "country": "US",
				    "exp_month": 8,
				    "exp_year": 2031,
				    "fingerprint": "mToisGZ01V71BCos",
				    "funding": "credit",
				    "generated_from": null,
				    "last4": "4242",
				    "networks": {"available": ["visa"], "preferred": null},
				    "three_d_secure_usage": {"supported": true},
				    "wallet": null
				  },
				  "created": 1679945299,
				  "customer": "%s",
				  "livemode": false,
				  "metadata": {},
				  "type": "card"
				}""".formatted(id, customer);
	}

}
