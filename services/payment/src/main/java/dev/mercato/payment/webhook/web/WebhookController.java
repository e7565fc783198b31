package dev.mercato.payment.webhook.web;

import java.util.Map;

import dev.mercato.payment.InvalidPaymentRequestException;
import dev.mercato.payment.provider.InvalidWebhookException;
import dev.mercato.payment.provider.PaymentProvider;
import dev.mercato.payment.provider.ProviderEvent;
import dev.mercato.payment.webhook.WebhookService;
import dev.mercato.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payments/webhooks/{provider}} (public: the signature authenticates). A
 * bad signature, a stale timestamp or a malformed body is a 400 that changes nothing; a
 * replayed event is acknowledged without a second effect.
 */
@RestController
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final PaymentProvider provider;

	private final WebhookService webhooks;

	WebhookController(PaymentProvider provider, WebhookService webhooks) {
		this.provider = provider;
		this.webhooks = webhooks;
	}

	@PostMapping("/api/payments/webhooks/{provider}")
	Map<String, Object> receive(@PathVariable String provider, @RequestBody(required = false) String payload,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		if (!provider.equals(this.provider.name())) {
			throw new NotFoundException("UNKNOWN_PROVIDER", "This service does not use that provider.");
		}
		ProviderEvent event;
		try {
			event = this.provider.parseWebhook((payload != null) ? payload : "", signature);
		}
		catch (InvalidWebhookException ex) {
			log.info("Rejected a {} webhook: {}", provider, ex.getMessage());
			throw new InvalidPaymentRequestException("INVALID_WEBHOOK", "The webhook's signature or body is invalid.");
		}
		WebhookService.Outcome outcome = this.webhooks.apply(provider, event);
		log.info("Webhook {} {} from {}: {}", event.id(), event.type(), provider, outcome);
		return Map.of("received", true, "outcome", outcome.name());
	}

}
