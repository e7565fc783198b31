package dev.mercato.payment.refund;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.contracts.payment.v1.RefundResponse;
import dev.mercato.payment.Outboxes;
import dev.mercato.payment.PaymentGrpcClient;
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
 * gRPC Refund: full and partial, never above what was captured (also concurrently),
 * idempotent by refund request id.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class RefundIT extends PaymentITSupport {

	@Test
	void aFullRefundWithoutAmountRefundsEverything() {
		String payment = captured(2500);
		RefundResponse refund = this.payments.refund("r-" + UUID.randomUUID(), payment, 0);

		assertThat(refund.getRefunded().getAmountMinor()).isEqualTo(2500);
		assertThat(paymentStatus(payment)).isEqualTo("REFUNDED");
		List<JsonNode> events = Outboxes.events(this.jdbc, "mercato.payment.refunded.v1", payment);
		assertThat(events).hasSize(1);
		JsonNode data = events.get(0).get("data");
		assertThat(data.get("refundId").asText()).isEqualTo(refund.getRefundId());
		assertThat(data.get("amount").get("amount").asText()).isEqualTo("25.00");
		assertThat(data.get("totalRefunded").get("amount").asText()).isEqualTo("25.00");
		assertThat(data.get("fullyRefunded").asBoolean()).isTrue();
		assertThat(data.get("reason").asText()).isEqualTo("test");
		assertStatus(() -> this.payments.refund("r-" + UUID.randomUUID(), payment, 0), Status.Code.FAILED_PRECONDITION);
		assertStatus(() -> this.payments.refund("r-" + UUID.randomUUID(), payment, 1), Status.Code.FAILED_PRECONDITION);
	}

	@Test
	void partialRefundsStopAtWhatWasCaptured() {
		String payment = captured(10000);
		this.payments.refund("a-" + UUID.randomUUID(), payment, 3000);
		this.payments.refund("b-" + UUID.randomUUID(), payment, 5000);
		assertThat(paymentStatus(payment)).isEqualTo("PARTIALLY_REFUNDED");

		assertStatus(() -> this.payments.refund("c-" + UUID.randomUUID(), payment, 2001),
				Status.Code.FAILED_PRECONDITION);
		RefundResponse last = this.payments.refund("d-" + UUID.randomUUID(), payment, 0); // the
																							// rest
		assertThat(last.getRefunded().getAmountMinor()).isEqualTo(2000);
		assertThat(paymentStatus(payment)).isEqualTo("REFUNDED");
		assertThat(refunded(payment)).isEqualByComparingTo("100.00");

		List<JsonNode> events = Outboxes.events(this.jdbc, "mercato.payment.refunded.v1", payment);
		assertThat(events).extracting((event) -> event.get("data").get("totalRefunded").get("amount").asText())
			.containsExactly("30.00", "80.00", "100.00");
		assertThat(events).extracting((event) -> event.get("data").get("fullyRefunded").asBoolean())
			.containsExactly(false, false, true);
		assertThat(count("select coalesce(sum(amount_minor), 0) from sandbox_refunds where payment_intent_id ="
				+ " (select provider_payment_id from payments where id = ?::uuid)", payment))
			.isEqualTo(10000);
	}

	@Test
	void theSameRefundRequestIdRefundsOnce() {
		String payment = captured(5000);
		String key = "refund-" + UUID.randomUUID();
		RefundResponse first = this.payments.refund(key, payment, 1000);
		RefundResponse again = this.payments.refund(key, payment, 1000);

		assertThat(again.getRefundId()).isEqualTo(first.getRefundId());
		assertThat(refunded(payment)).isEqualByComparingTo("10.00");
		assertThat(outbox("mercato.payment.refunded.v1", payment)).isOne();
		assertThat(count("select count(*) from sandbox_refunds where refund_key = ?", first.getRefundId())).isOne();
		// the key names one refund: another amount under it is refused
		assertStatus(() -> this.payments.refund(key, payment, 2000), Status.Code.FAILED_PRECONDITION);
	}

	@Test
	void concurrentRefundsNeverExceedTheCapture() throws Exception {
		String payment = captured(10000);
		int callers = 10;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Status.Code>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> {
					try (PaymentGrpcClient client = new PaymentGrpcClient(this.grpcServer.getPort())) {
						start.await();
						client.refund("c-" + UUID.randomUUID(), payment, 3000);
						return Status.Code.OK;
					}
					catch (StatusRuntimeException ex) {
						return ex.getStatus().getCode();
					}
				}));
			}
			start.countDown();
			List<Status.Code> codes = new ArrayList<>();
			for (Future<Status.Code> result : results) {
				codes.add(result.get());
			}
			assertThat(codes).filteredOn((code) -> code == Status.Code.OK).hasSize(3);
			assertThat(codes).filteredOn((code) -> code != Status.Code.OK)
				.containsOnly(Status.Code.FAILED_PRECONDITION);
		}
		assertThat(refunded(payment)).isEqualByComparingTo("90.00");
		assertThat(outbox("mercato.payment.refunded.v1", payment)).isEqualTo(3);
	}

	@Test
	void refundsOfUnknownOrUncapturedPaymentsAreRefused() {
		assertStatus(() -> this.payments.refund("x", UUID.randomUUID().toString(), 100), Status.Code.NOT_FOUND);
		assertStatus(() -> this.payments.refund("x", "nope", 100), Status.Code.INVALID_ARGUMENT);
		ChargeResponse declined = this.payments.chargeToken(UUID.randomUUID(), UUID.randomUUID(), 100,
				token(TestCards.DECLINED));
		assertStatus(() -> this.payments.refund("y", declined.getPaymentId(), 100), Status.Code.FAILED_PRECONDITION);
		String payment = captured(100);
		assertStatus(() -> this.payments.refund("", payment, 100), Status.Code.INVALID_ARGUMENT);
		assertThat(count("select count(*) from refunds where payment_id in (?::uuid, ?::uuid)", declined.getPaymentId(),
				payment))
			.isZero();
	}

	private String captured(long cents) {
		ChargeResponse response = this.payments.chargeToken(UUID.randomUUID(), UUID.randomUUID(), cents,
				token(TestCards.SUCCEEDS));
		assertThat(response.getOutcome()).isEqualTo(ChargeResponse.Outcome.CAPTURED);
		return response.getPaymentId();
	}

	private String paymentStatus(String paymentId) {
		return this.jdbc.sql("select status from payments where id = ?::uuid")
			.param(paymentId)
			.query(String.class)
			.single();
	}

	private java.math.BigDecimal refunded(String paymentId) {
		return this.jdbc.sql("select refunded_amount from payments where id = ?::uuid")
			.param(paymentId)
			.query(java.math.BigDecimal.class)
			.single();
	}

	static void assertStatus(Runnable call, Status.Code code) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(code));
	}

}
