package dev.mercato.payment.charge;

import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.payment.PaymentITSupport;
import dev.mercato.payment.provider.stripe.StripeFixtures;
import dev.mercato.platform.test.IsolatedInfrastructure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole service with {@code provider=stripe} against a Stripe stub: the first attempt
 * times out after Stripe accepted it and the search does not see it yet, so the caller
 * gets UNAVAILABLE; the retry replays the same Idempotency-Key, Stripe answers the same
 * PaymentIntent, and the order is charged once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "mercato.payment.provider=stripe",
				"mercato.payment.provider-timeout=2s", "mercato.payment.stripe.api-key=sk_test_it_charge",
				"mercato.payment.stripe.webhook-secret=whsec_it" })
@IsolatedInfrastructure
class StripeChargeIT extends PaymentITSupport {

	static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());

	static {
		STRIPE.start();
	}

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		registry.add("mercato.payment.stripe.api-base", STRIPE::baseUrl);
	}

	@AfterAll
	static void stop() {
		STRIPE.stop();
	}

	@Test
	void aTimeoutThenARetryChargesOnce() {
		UUID order = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		String intent = StripeFixtures.paymentIntent("pi_once", order.toString(), 5000, "succeeded");
		STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("charge")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("accepted")
			.willReturn(json(intent).withFixedDelay(6_000)));
		// Stripe replays the stored answer for the same Idempotency-Key
		STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("charge")
			.whenScenarioStateIs("accepted")
			.withHeader("Idempotency-Key", equalTo("mercato-charge-" + order))
			.willReturn(json(intent).withHeader("Idempotent-Replayed", "true")));
		// search results lag behind writes at Stripe
		STRIPE
			.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(json(StripeFixtures.searchResult())));

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> this.payments.chargeToken(order, user, 5000, "pm_card_visa"))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
		assertThat(status(order)).isEqualTo("PENDING");

		ChargeResponse retry = this.payments.chargeToken(order, user, 5000, "pm_card_visa");

		assertThat(retry.getOutcome()).isEqualTo(ChargeResponse.Outcome.CAPTURED);
		assertThat(this.jdbc.sql("select provider_payment_id from payments where order_id = ?")
			.param(order)
			.query(String.class)
			.single()).isEqualTo("pi_once");
		STRIPE.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key",
				equalTo("mercato-charge-" + order)));
		assertThat(outbox("mercato.payment.processed.v1", retry.getPaymentId())).isOne();
		// and once more: answered from the database, Stripe is not called again
		assertThat(this.payments.chargeToken(order, user, 5000, "pm_card_visa").getPaymentId())
			.isEqualTo(retry.getPaymentId());
		STRIPE.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key",
				equalTo("mercato-charge-" + order)));
	}

	@Test
	void aDeclineFromStripeIsADeclineOutcome() {
		UUID order = UUID.randomUUID();
		STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents"))
			.withHeader("Idempotency-Key", equalTo("mercato-charge-" + order))
			.willReturn(json(StripeFixtures.cardError("insufficient_funds", "Your card has insufficient funds.",
					"pi_poor_" + order.toString().substring(0, 8), order.toString()))
				.withStatus(402)));
		ChargeResponse response = this.payments.chargeToken(order, UUID.randomUUID(), 700, "pm_card_visa");
		assertThat(response.getOutcome()).isEqualTo(ChargeResponse.Outcome.INSUFFICIENT_FUNDS);
		assertThat(outbox("mercato.payment.failed.v1", response.getPaymentId())).isOne();
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

}
