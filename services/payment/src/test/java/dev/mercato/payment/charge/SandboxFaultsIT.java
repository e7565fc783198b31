package dev.mercato.payment.charge;

import java.time.Duration;
import java.util.UUID;

import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.payment.PaymentITSupport;
import dev.mercato.payment.provider.sandbox.TestCards;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sandbox charge here is accepted but its answer lost (and slow): the service
 * reconciles by key and answers the outcome; a retry never charges again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "mercato.payment.sandbox.timeout-after-accept-rate=1",
				"mercato.payment.sandbox.latency=300ms" })
@IsolatedInfrastructure
class SandboxFaultsIT extends PaymentITSupport {

	@Test
	void aTimeoutAfterTheProviderAcceptedIsReconciledByKey() {
		UUID order = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		long started = System.nanoTime();
		ChargeResponse first = this.payments.chargeToken(order, user, 3100, token(TestCards.SUCCEEDS));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

		assertThat(first.getOutcome()).isEqualTo(ChargeResponse.Outcome.CAPTURED);
		ChargeResponse retry = this.payments.chargeToken(order, user, 3100, token(TestCards.SUCCEEDS));
		assertThat(retry.getPaymentId()).isEqualTo(first.getPaymentId());
		assertThat(count("select count(*) from sandbox_payment_intents where order_id = ?", order)).isOne();
		assertThat(outbox("mercato.payment.processed.v1", first.getPaymentId())).isOne();
	}

	@Test
	void aDeclineBehindATimeoutIsStillADecline() {
		UUID order = UUID.randomUUID();
		ChargeResponse response = this.payments.chargeToken(order, UUID.randomUUID(), 100,
				token(TestCards.INSUFFICIENT_FUNDS));
		assertThat(response.getOutcome()).isEqualTo(ChargeResponse.Outcome.INSUFFICIENT_FUNDS);
		assertThat(outbox("mercato.payment.failed.v1", response.getPaymentId())).isOne();
	}

}
