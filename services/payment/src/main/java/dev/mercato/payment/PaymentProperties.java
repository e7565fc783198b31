package dev.mercato.payment;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mercato.payment.*} (documented in docs/payment.md).
 *
 * @param provider which provider charges: {@code sandbox} or {@code stripe}
 * @param providerTimeout how long one provider call may take
 * @param webhookTolerance the maximum age of a webhook's signed timestamp
 * @param sandbox the sandbox provider
 * @param stripe the Stripe provider
 */
@ConfigurationProperties("mercato.payment")
public record PaymentProperties(@DefaultValue("sandbox") String provider, @DefaultValue("10s") Duration providerTimeout,
		@DefaultValue("5m") Duration webhookTolerance, @DefaultValue Sandbox sandbox, @DefaultValue Stripe stripe) {

	public PaymentProperties {
		if (!provider.equals("sandbox") && !provider.equals("stripe")) {
			throw new IllegalArgumentException("mercato.payment.provider must be sandbox or stripe, not " + provider);
		}
	}

	/**
	 * How long a caller's claim on a pending charge or refund lasts before another
	 * attempt may take over: a provider call plus a margin.
	 * @return the lease
	 */
	public Duration attemptLease() {
		return this.providerTimeout.plusSeconds(5);
	}

	/**
	 * The sandbox provider, which behaves like a provider's test mode.
	 *
	 * @param latency delay of every charge and refund call
	 * @param chargeFailureRate share of charge calls failing before anything is accepted
	 * @param timeoutAfterAcceptRate share of charge calls accepted whose answer is lost
	 * @param webhookUrl where webhooks are posted (default: this service's endpoint)
	 * @param webhookSecret HMAC secret of the webhooks
	 * @param webhookDelay delay before a webhook is sent
	 * @param webhookMaxAttempts deliveries tried before a webhook is given up
	 */
	public record Sandbox(@DefaultValue("0s") Duration latency, @DefaultValue("0") double chargeFailureRate,
			@DefaultValue("0") double timeoutAfterAcceptRate, @Nullable String webhookUrl,
			@DefaultValue("whsec_sandbox_local") String webhookSecret, @DefaultValue("500ms") Duration webhookDelay,
			@DefaultValue("8") int webhookMaxAttempts) {

		public Sandbox {
			if (chargeFailureRate < 0 || chargeFailureRate > 1 || timeoutAfterAcceptRate < 0
					|| timeoutAfterAcceptRate > 1) {
				throw new IllegalArgumentException("mercato.payment.sandbox.*-rate must be between 0 and 1");
			}
		}

		@Override
		public String toString() {
			return "Sandbox[latency=" + this.latency + ", chargeFailureRate=" + this.chargeFailureRate
					+ ", timeoutAfterAcceptRate=" + this.timeoutAfterAcceptRate + ", webhookUrl=" + this.webhookUrl
					+ ", webhookSecret=***]";
		}

	}

	/**
	 * The Stripe provider.
	 *
	 * @param apiKey the secret API key
	 * @param apiBase the API's base URL
	 * @param webhookSecret the webhook endpoint's signing secret
	 */
	public record Stripe(@Nullable String apiKey, @DefaultValue("https://api.stripe.com") String apiBase,
			@Nullable String webhookSecret) {

		@Override
		public String toString() {
			return "Stripe[apiBase=" + this.apiBase + ", apiKey=***, webhookSecret=***]";
		}

	}

}
