package dev.mercato.payment.provider.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.mercato.payment.Money;
import dev.mercato.payment.PaymentProperties;
import dev.mercato.payment.provider.InvalidWebhookException;
import dev.mercato.payment.provider.PaymentProvider.ChargeInstruction;
import dev.mercato.payment.provider.PaymentProvider.RefundInstruction;
import dev.mercato.payment.provider.PaymentProvider.SavedCard;
import dev.mercato.payment.provider.ProviderCharge;
import dev.mercato.payment.provider.ProviderEvent;
import dev.mercato.payment.provider.ProviderRefund;
import dev.mercato.payment.provider.ProviderTimeoutException;
import dev.mercato.payment.provider.ProviderUnavailableException;
import dev.mercato.payment.provider.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Stripe adapter (official stripe-java SDK) against WireMock, a real HTTP server
 * serving Stripe-shaped responses: success, declines, rate limit, timeout then reconcile,
 * capture, refunds, customers and saved methods, webhook signatures.
 */
class StripeProviderIT {

	static final String API_KEY = "sk_test_it_4eC39HqLyjWDarjtT1zdp7dc";

	static final String WEBHOOK_SECRET = "whsec_it_stripe";

	static WireMockServer stripe;

	StripeProvider provider;

	@BeforeAll
	static void start() {
		stripe = new WireMockServer(options().dynamicPort());
		stripe.start();
	}

	@AfterAll
	static void stop() {
		stripe.stop();
	}

	@BeforeEach
	void reset() {
		stripe.resetAll();
		this.provider = provider(Duration.ofSeconds(2));
	}

	static StripeProvider provider(Duration timeout) {
		PaymentProperties properties = new PaymentProperties("stripe", timeout, Duration.ofMinutes(5),
				new PaymentProperties.Sandbox(Duration.ZERO, 0, 0, null, "unused", Duration.ofMillis(500), 8),
				new PaymentProperties.Stripe(API_KEY, stripe.baseUrl(), WEBHOOK_SECRET));
		return new StripeProvider(properties, JsonMapper.builder().build());
	}

	@Test
	void aSuccessfulChargeSendsTheIdempotencyKeyAndTheOrderAsMetadata() {
		UUID order = UUID.randomUUID();
		stub(post(urlEqualTo("/v1/payment_intents")), 200,
				StripeFixtures.paymentIntent("pi_ok", order.toString(), 1999, "succeeded"));

		ProviderCharge charge = this.provider.charge(instruction(order, "pm_card_visa"));

		assertThat(charge).isEqualTo(new ProviderCharge("pi_ok", ProviderCharge.Status.SUCCEEDED, null, null));
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
			.withHeader("Idempotency-Key", equalTo("mercato-charge-" + order))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withRequestBody(containing("amount=1999"))
			.withRequestBody(containing("currency=usd"))
			.withRequestBody(containing("confirm=true"))
			.withRequestBody(containing("payment_method=pm_card_visa"))
			.withRequestBody(
					containing("metadata[order_id]=" + order).or(containing("metadata%5Border_id%5D=" + order))));
	}

	@Test
	void aDeclinedCardIsADeclineOutcome() {
		UUID order = UUID.randomUUID();
		stub(post(urlEqualTo("/v1/payment_intents")), 402, StripeFixtures.cardError("generic_decline",
				"Your card was declined.", "pi_declined", order.toString()));

		ProviderCharge charge = this.provider.charge(instruction(order, "pm_card_chargeDeclined"));

		assertThat(charge.status()).isEqualTo(ProviderCharge.Status.DECLINED);
		assertThat(charge.providerPaymentId()).isEqualTo("pi_declined");
		assertThat(charge.failureCode()).isEqualTo("generic_decline");
		assertThat(charge.message()).isEqualTo("Your card was declined.");
	}

	@Test
	void insufficientFundsIsItsOwnOutcome() {
		UUID order = UUID.randomUUID();
		stub(post(urlEqualTo("/v1/payment_intents")), 402, StripeFixtures.cardError("insufficient_funds",
				"Your card has insufficient funds.", "pi_poor", order.toString()));

		ProviderCharge charge = this.provider
			.charge(instruction(order, "pm_card_visa_chargeDeclinedInsufficientFunds"));

		assertThat(charge.status()).isEqualTo(ProviderCharge.Status.INSUFFICIENT_FUNDS);
		assertThat(charge.failureCode()).isEqualTo("insufficient_funds");
	}

	@Test
	void aRateLimitIsUnavailableNotATimeout() {
		stub(post(urlEqualTo("/v1/payment_intents")), 429, StripeFixtures.rateLimit());

		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> this.provider.charge(instruction(UUID.randomUUID(), "pm_card_visa")))
			.isNotInstanceOf(ProviderTimeoutException.class);
	}

	@Test
	void aTimeoutIsReconciledByLookingTheIntentUpWithoutChargingAgain() {
		UUID order = UUID.randomUUID();
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withFixedDelay(5_000)
			.withBody(StripeFixtures.paymentIntent("pi_slow", order.toString(), 1999, "succeeded"))));
		stub(get(urlPathEqualTo("/v1/payment_intents/search")), 200, StripeFixtures
			.searchResult(StripeFixtures.paymentIntent("pi_slow", order.toString(), 1999, "succeeded")));
		ChargeInstruction instruction = instruction(order, "pm_card_visa");

		assertThatExceptionOfType(ProviderTimeoutException.class).isThrownBy(() -> this.provider.charge(instruction));
		ProviderCharge found = this.provider.findCharge(instruction).orElseThrow();

		assertThat(found.status()).isEqualTo(ProviderCharge.Status.SUCCEEDED);
		assertThat(found.providerPaymentId()).isEqualTo("pi_slow");
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")));
		stripe.verify(1, getRequestedFor(urlPathEqualTo("/v1/payment_intents/search")).withQueryParam("query",
				equalTo("metadata['order_id']:'" + order + "'")));
	}

	@Test
	void nothingFoundAfterATimeoutIsEmpty() {
		stub(get(urlPathEqualTo("/v1/payment_intents/search")), 200, StripeFixtures.searchResult());
		assertThat(this.provider.findCharge(instruction(UUID.randomUUID(), "pm_card_visa"))).isEmpty();
	}

	@Test
	void anIntentWaitingForCaptureIsCapturedWithItsOwnKey() {
		UUID order = UUID.randomUUID();
		stub(post(urlEqualTo("/v1/payment_intents")), 200,
				StripeFixtures.paymentIntent("pi_auth", order.toString(), 1999, "requires_capture"));
		stub(post(urlEqualTo("/v1/payment_intents/pi_auth/capture")), 200,
				StripeFixtures.paymentIntent("pi_auth", order.toString(), 1999, "succeeded"));

		assertThat(this.provider.charge(instruction(order, "pm_card_visa")).status())
			.isEqualTo(ProviderCharge.Status.SUCCEEDED);
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/pi_auth/capture"))
			.withHeader("Idempotency-Key", equalTo("mercato-charge-" + order + "-capture")));
	}

	@Test
	void refundsCarryTheirKeyAndReportTheirStatus() {
		UUID refundId = UUID.randomUUID();
		stub(post(urlEqualTo("/v1/refunds")), 200,
				StripeFixtures.refund("re_1", "pi_ok", 500, "succeeded", refundId.toString()));
		ProviderRefund refund = this.provider
			.refund(new RefundInstruction("mercato-refund-r1", refundId, "pi_ok", Money.ofMinor(500, "USD")));
		assertThat(refund).isEqualTo(new ProviderRefund("re_1", ProviderRefund.Status.SUCCEEDED));
		stripe.verify(
				postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("mercato-refund-r1"))
					.withRequestBody(containing("payment_intent=pi_ok"))
					.withRequestBody(containing("amount=500")));

		stripe.resetAll();
		stub(post(urlEqualTo("/v1/refunds")), 200,
				StripeFixtures.refund("re_2", "pi_ok", 500, "pending", refundId.toString()));
		assertThat(this.provider
			.refund(new RefundInstruction("mercato-refund-r2", refundId, "pi_ok", Money.ofMinor(500, "USD")))
			.status()).isEqualTo(ProviderRefund.Status.PENDING);
	}

	@Test
	void customersAndSavedMethods() {
		UUID user = UUID.randomUUID();
		stub(post(urlEqualTo("/v1/customers")), 200, StripeFixtures.customer("cus_NffrFeUfNV2Hib"));
		stub(post(urlEqualTo("/v1/payment_methods/pm_1/attach")), 200,
				StripeFixtures.paymentMethod("pm_1", "cus_NffrFeUfNV2Hib"));

		String customer = this.provider.createCustomer(user);
		SavedCard card = this.provider.attach("pm_1", customer);

		assertThat(customer).isEqualTo("cus_NffrFeUfNV2Hib");
		assertThat(card).isEqualTo(new SavedCard("pm_1", "visa", "4242", 8, 2031));
		stripe.verify(postRequestedFor(urlEqualTo("/v1/customers")).withHeader("Idempotency-Key",
				equalTo("mercato-customer-" + user)));
		stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_methods/pm_1/attach"))
			.withRequestBody(containing("customer=cus_NffrFeUfNV2Hib")));
	}

	@Test
	void webhooksAreVerifiedWithTheEndpointSecret() {
		String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"created\":" + Instant.now().getEpochSecond()
				+ ",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":"
				+ StripeFixtures.paymentIntent("pi_ok", "o-1", 100, "succeeded") + "}}";
		ProviderEvent event = this.provider.parseWebhook(payload,
				WebhookSignature.sign(payload, WEBHOOK_SECRET, Instant.now()));
		assertThat(event.kind()).isEqualTo(ProviderEvent.Kind.CHARGE_SUCCEEDED);
		assertThat(event.providerObjectId()).isEqualTo("pi_ok");
		assertThat(event.orderId()).isEqualTo("o-1");
		assertThatExceptionOfType(InvalidWebhookException.class).isThrownBy(() -> this.provider.parseWebhook(payload,
				WebhookSignature.sign(payload, "whsec_other", Instant.now())));
		assertThatExceptionOfType(InvalidWebhookException.class).isThrownBy(() -> this.provider.parseWebhook(payload,
				WebhookSignature.sign(payload, WEBHOOK_SECRET, Instant.now().minusSeconds(600))));
	}

	private static ChargeInstruction instruction(UUID order, String paymentMethod) {
		return new ChargeInstruction("mercato-charge-" + order, UUID.randomUUID(), order, Money.ofMinor(1999, "USD"),
				paymentMethod, null, null);
	}

	private static void stub(MappingBuilder request, int status, String body) {
		stripe.stubFor(request.willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 12))
			.withBody(body)));
	}

}
