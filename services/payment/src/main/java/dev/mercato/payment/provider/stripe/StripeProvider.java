package dev.mercato.payment.provider.stripe;

import java.util.Optional;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.mercato.payment.PaymentProperties;
import dev.mercato.payment.provider.InvalidPaymentSourceException;
import dev.mercato.payment.provider.InvalidWebhookException;
import dev.mercato.payment.provider.PaymentProvider;
import dev.mercato.payment.provider.ProviderCharge;
import dev.mercato.payment.provider.ProviderEvent;
import dev.mercato.payment.provider.ProviderRefund;
import dev.mercato.payment.provider.ProviderTimeoutException;
import dev.mercato.payment.provider.ProviderUnavailableException;
import dev.mercato.payment.provider.StripeEventReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Stripe through the official {@code stripe-java} SDK and the PaymentIntents API: create
 * and confirm (then capture when the intent waits for it), refunds, customers and saved
 * payment methods. Every mutating call carries an {@code Idempotency-Key}; the SDK's own
 * retries are off, so the caller decides: after a timeout the charge is looked up by its
 * {@code order_id} metadata (search API) and otherwise replayed with the same key.
 */
@Component
@ConditionalOnProperty(name = "mercato.payment.provider", havingValue = "stripe")
public class StripeProvider implements PaymentProvider {

	private static final Logger log = LoggerFactory.getLogger(StripeProvider.class);

	private final StripeClient stripe;

	private final PaymentProperties properties;

	private final StripeEventReader reader;

	StripeProvider(PaymentProperties properties, ObjectMapper mapper) {
		PaymentProperties.Stripe config = properties.stripe();
		if (config.apiKey() == null || config.apiKey().isBlank()) {
			throw new IllegalStateException("mercato.payment.stripe.api-key is required for the stripe provider");
		}
		this.stripe = StripeClient.builder()
			.setApiKey(config.apiKey())
			.setApiBase(config.apiBase())
			.setMaxNetworkRetries(0)
			.setConnectTimeout(2_000)
			.setReadTimeout((int) properties.providerTimeout().toMillis())
			.build();
		this.properties = properties;
		this.reader = new StripeEventReader(mapper);
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public ProviderCharge charge(ChargeInstruction charge) {
		PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
			.setAmount(charge.amount().minorUnits())
			.setCurrency(charge.amount().currency().toLowerCase())
			.setConfirm(true)
			.addPaymentMethodType("card")
			.putMetadata("order_id", charge.orderId().toString())
			.putMetadata("payment_id", charge.paymentId().toString());
		if (charge.token() != null && charge.token().startsWith("tok_")) {
			// a legacy card token becomes the intent's payment method in the same call
			params.putExtraParam("payment_method_data[type]", "card")
				.putExtraParam("payment_method_data[card][token]", charge.token());
		}
		else if (charge.token() != null) {
			params.setPaymentMethod(charge.token());
		}
		else {
			params.setCustomer(charge.customerId()).setPaymentMethod(charge.methodId()).setOffSession(true);
		}
		try {
			PaymentIntent intent = this.stripe.v1()
				.paymentIntents()
				.create(params.build(), idempotent(charge.idempotencyKey()));
			return settle(intent, charge.idempotencyKey());
		}
		catch (CardException ex) {
			return declined(ex);
		}
		catch (StripeException ex) {
			throw translate("charge", ex);
		}
	}

	private ProviderCharge settle(PaymentIntent intent, String idempotencyKey) throws StripeException {
		if ("requires_capture".equals(intent.getStatus())) {
			intent = this.stripe.v1()
				.paymentIntents()
				.capture(intent.getId(), PaymentIntentCaptureParams.builder().build(),
						idempotent(idempotencyKey + "-capture"));
		}
		return toCharge(intent);
	}

	private static ProviderCharge toCharge(PaymentIntent intent) {
		return switch (String.valueOf(intent.getStatus())) {
			case "succeeded" -> new ProviderCharge(intent.getId(), ProviderCharge.Status.SUCCEEDED, null, null);
			case "processing", "requires_capture" ->
				new ProviderCharge(intent.getId(), ProviderCharge.Status.PENDING, null, null);
			case "requires_payment_method" -> fromError(intent.getId(), intent.getLastPaymentError());
			default -> new ProviderCharge(intent.getId(), ProviderCharge.Status.FAILED, intent.getStatus(),
					"The payment could not be completed (" + intent.getStatus() + ").");
		};
	}

	private static ProviderCharge declined(CardException ex) {
		StripeError error = ex.getStripeError();
		String intentId = (error != null && error.getPaymentIntent() != null) ? error.getPaymentIntent().getId() : null;
		return fromError(intentId, error);
	}

	private static ProviderCharge fromError(String intentId, StripeError error) {
		if (error == null) {
			return new ProviderCharge(intentId, ProviderCharge.Status.DECLINED, "card_declined",
					"Your card was declined.");
		}
		boolean insufficient = "insufficient_funds".equals(error.getDeclineCode())
				|| "insufficient_funds".equals(error.getCode());
		String code = (error.getDeclineCode() != null) ? error.getDeclineCode() : error.getCode();
		return new ProviderCharge(intentId,
				insufficient ? ProviderCharge.Status.INSUFFICIENT_FUNDS : ProviderCharge.Status.DECLINED, code,
				error.getMessage());
	}

	@Override
	public Optional<ProviderCharge> findCharge(ChargeInstruction charge) {
		try {
			var result = this.stripe.v1()
				.paymentIntents()
				.search(PaymentIntentSearchParams.builder()
					.setQuery("metadata['order_id']:'" + charge.orderId() + "'")
					.build());
			if (result.getData() == null || result.getData().isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(settle(result.getData().get(0), charge.idempotencyKey()));
		}
		catch (StripeException ex) {
			throw translate("search", ex);
		}
	}

	@Override
	public ProviderRefund refund(RefundInstruction refund) {
		try {
			Refund created = this.stripe.v1()
				.refunds()
				.create(RefundCreateParams.builder()
					.setPaymentIntent(refund.providerPaymentId())
					.setAmount(refund.amount().minorUnits())
					.putMetadata("refund_id", refund.refundId().toString())
					.build(), idempotent(refund.idempotencyKey()));
			ProviderRefund.Status status = switch (String.valueOf(created.getStatus())) {
				case "succeeded" -> ProviderRefund.Status.SUCCEEDED;
				case "failed", "canceled" -> ProviderRefund.Status.FAILED;
				default -> ProviderRefund.Status.PENDING;
			};
			return new ProviderRefund(created.getId(), status);
		}
		catch (StripeException ex) {
			throw translate("refund", ex);
		}
	}

	@Override
	public String createCustomer(UUID userId) {
		try {
			return this.stripe.v1()
				.customers()
				.create(CustomerCreateParams.builder().putMetadata("user_id", userId.toString()).build(),
						idempotent("mercato-customer-" + userId))
				.getId();
		}
		catch (StripeException ex) {
			throw translate("customer", ex);
		}
	}

	@Override
	public SavedCard attach(String token, String customerId) {
		try {
			String methodId = token;
			if (token.startsWith("tok_")) {
				methodId = this.stripe.v1()
					.paymentMethods()
					.create(PaymentMethodCreateParams.builder()
						.setType(PaymentMethodCreateParams.Type.CARD)
						.setCard(PaymentMethodCreateParams.Token.builder().setToken(token).build())
						.build(), idempotent("mercato-pm-" + token))
					.getId();
			}
			PaymentMethod method = this.stripe.v1()
				.paymentMethods()
				.attach(methodId, PaymentMethodAttachParams.builder().setCustomer(customerId).build(),
						idempotent("mercato-attach-" + methodId + "-" + customerId));
			PaymentMethod.Card card = method.getCard();
			if (card == null) {
				throw new InvalidPaymentSourceException("The payment method is not a card");
			}
			return new SavedCard(method.getId(), card.getBrand(), card.getLast4(), card.getExpMonth().intValue(),
					card.getExpYear().intValue());
		}
		catch (StripeException ex) {
			throw translate("attach", ex);
		}
	}

	@Override
	public void detach(String providerMethodId) {
		try {
			this.stripe.v1().paymentMethods().detach(providerMethodId);
		}
		catch (InvalidRequestException ex) {
			// already detached or gone at Stripe: nothing left to remove there
			log.info("Stripe could not detach a payment method: {}", ex.getCode());
		}
		catch (StripeException ex) {
			throw translate("detach", ex);
		}
	}

	@Override
	public ProviderEvent parseWebhook(String payload, String signatureHeader) {
		String secret = this.properties.stripe().webhookSecret();
		if (secret == null || secret.isBlank()) {
			throw new InvalidWebhookException("No webhook secret is configured");
		}
		try {
			Webhook.Signature.verifyHeader(payload, signatureHeader, secret,
					this.properties.webhookTolerance().toSeconds());
		}
		catch (SignatureVerificationException ex) {
			throw new InvalidWebhookException("Stripe signature rejected");
		}
		return this.reader.read(payload);
	}

	private static RequestOptions idempotent(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

	// Which failures may hide an accepted request: a lost connection or a 5xx may have
	// been processed (reconcile); a 429 or a concurrent use of the key was not.
	private static RuntimeException translate(String operation, StripeException ex) {
		log.warn("Stripe {} failed: {} {} (request {})", operation, ex.getStatusCode(), ex.getCode(),
				ex.getRequestId());
		if (ex instanceof ApiConnectionException || ex instanceof ApiException) {
			return new ProviderTimeoutException("Stripe " + operation + ": no usable answer", ex);
		}
		if (ex instanceof RateLimitException || ex instanceof IdempotencyException) {
			return new ProviderUnavailableException("Stripe " + operation + ": try again later", ex);
		}
		if (ex instanceof InvalidRequestException) {
			return new InvalidPaymentSourceException("Stripe " + operation + " refused the request: " + ex.getCode(),
					ex);
		}
		return new ProviderUnavailableException("Stripe " + operation + " failed", ex);
	}

}
