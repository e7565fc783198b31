package dev.mercato.payment.charge;

import java.util.UUID;

import dev.mercato.payment.PaymentITSupport;
import dev.mercato.payment.provider.sandbox.TestCards;
import dev.mercato.platform.test.IsolatedInfrastructure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sandbox refuses every charge before accepting it (provider down): Charge answers
 * UNAVAILABLE, nothing is charged or published, and the claim is released for a retry.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "mercato.payment.sandbox.charge-failure-rate=1" })
@IsolatedInfrastructure
class SandboxOutageIT extends PaymentITSupport {

	@Test
	void aProviderOutageIsUnavailableAndChargesNothing() {
		UUID order = UUID.randomUUID();
		String token = token(TestCards.SUCCEEDS);
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> this.payments.chargeToken(order, FIXED_USER, 100, token))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
		}
		assertThat(status(order)).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("select attempts, attempt_expires_at is null from payments where order_id = ?")
			.param(order)
			.query((rs, row) -> rs.getInt(1) + ":" + rs.getBoolean(2))
			.single()).isEqualTo("2:true");
		assertThat(count("select count(*) from sandbox_payment_intents where order_id = ?", order)).isZero();
		assertThat(count("select count(*) from outbox")).isZero();
	}

	static final UUID FIXED_USER = UUID.randomUUID();

}
