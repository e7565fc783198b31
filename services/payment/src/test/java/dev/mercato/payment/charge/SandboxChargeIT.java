package dev.mercato.payment.charge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mercato.contracts.events.EventSchemas;
import dev.mercato.contracts.payment.v1.ChargeRequest;
import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.contracts.payment.v1.ChargeResponse.Outcome;
import dev.mercato.payment.Outboxes;
import dev.mercato.payment.PaymentGrpcClient;
import dev.mercato.payment.PaymentITSupport;
import dev.mercato.payment.provider.sandbox.TestCards;
import dev.mercato.platform.test.IsolatedInfrastructure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * gRPC Charge against the sandbox provider: the test cards' outcomes, idempotency under
 * concurrent retries, and the error mapping.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class SandboxChargeIT extends PaymentITSupport {

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin amqpAdmin;

	@Test
	void aGoodCardIsCapturedOnceWithAProcessedEvent() {
		UUID order = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		ChargeResponse response = this.payments.chargeToken(order, user, 1999, token(TestCards.SUCCEEDS));

		assertThat(response.getOutcome()).isEqualTo(Outcome.CAPTURED);
		UUID paymentId = UUID.fromString(response.getPaymentId());
		assertThat(status(order)).isEqualTo("CAPTURED");
		assertThat(this.jdbc.sql("select amount from payments where id = ?")
			.param(paymentId)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("19.99");
		assertThat(count(
				"select count(*) from transactions where payment_id = ? and type = 'CHARGE' and status = 'SUCCEEDED'",
				paymentId))
			.isOne();
		List<JsonNode> events = Outboxes.events(this.jdbc, "mercato.payment.processed.v1", paymentId);
		assertThat(events).hasSize(1);
		JsonNode data = events.get(0).get("data");
		assertThat(data.get("orderId").asText()).isEqualTo(order.toString());
		assertThat(data.get("userId").asText()).isEqualTo(user.toString());
		assertThat(data.get("amount").toString()).isEqualTo("{\"amount\":\"19.99\",\"currency\":\"USD\"}");
		assertThat(data.get("provider").asText()).isEqualTo("sandbox");
		assertThat(outbox("mercato.payment.failed.v1", paymentId)).isZero();
	}

	@Test
	void theDeclineCardIsDeclinedAsAnOutcomeNotAnError() {
		UUID order = UUID.randomUUID();
		ChargeResponse response = this.payments.chargeToken(order, UUID.randomUUID(), 500, token(TestCards.DECLINED));

		assertThat(response.getOutcome()).isEqualTo(Outcome.DECLINED);
		assertThat(response.getFailureReason()).contains("declined");
		assertThat(status(order)).isEqualTo("DECLINED");
		List<JsonNode> events = Outboxes.events(this.jdbc, "mercato.payment.failed.v1", response.getPaymentId());
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("data").get("reason").asText()).isEqualTo("DECLINED");
		assertThat(outbox("mercato.payment.processed.v1", response.getPaymentId())).isZero();
	}

	@Test
	void theInsufficientFundsCardFailsWithThatReason() {
		UUID order = UUID.randomUUID();
		ChargeResponse response = this.payments.chargeToken(order, UUID.randomUUID(), 500,
				token(TestCards.INSUFFICIENT_FUNDS));

		assertThat(response.getOutcome()).isEqualTo(Outcome.INSUFFICIENT_FUNDS);
		assertThat(status(order)).isEqualTo("INSUFFICIENT_FUNDS");
		List<JsonNode> events = Outboxes.events(this.jdbc, "mercato.payment.failed.v1", response.getPaymentId());
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("data").get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
		// a retry answers the same outcome, without another attempt at the provider
		assertThat(this.payments
			.chargeToken(order, UUID.fromString(events.get(0).get("data").get("userId").asText()), 500,
					token(TestCards.SUCCEEDS))
			.getOutcome()).isEqualTo(Outcome.INSUFFICIENT_FUNDS);
		assertThat(count("select count(*) from sandbox_payment_intents where order_id = ?", order)).isOne();
	}

	@Test
	void concurrentRetriesWithOneOrderIdChargeOnce() throws Exception {
		UUID order = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		String token = token(TestCards.SUCCEEDS);
		int callers = 16;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ChargeResponse>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			for (int i = 0; i < callers; i++) {
				Callable<ChargeResponse> call = () -> {
					try (PaymentGrpcClient client = new PaymentGrpcClient(this.grpcServer.getPort())) {
						start.await();
						return client.chargeToken(order, user, 4200, token);
					}
				};
				results.add(pool.submit(call));
			}
			start.countDown();
			Set<String> paymentIds = new HashSet<>();
			for (Future<ChargeResponse> result : results) {
				ChargeResponse response = result.get();
				assertThat(response.getOutcome()).isEqualTo(Outcome.CAPTURED);
				paymentIds.add(response.getPaymentId());
			}
			assertThat(paymentIds).hasSize(1);
		}
		assertThat(count("select count(*) from payments where order_id = ?", order)).isOne();
		assertThat(count("select count(*) from sandbox_payment_intents where order_id = ?", order)).isOne();
		assertThat(
				count("select count(*) from transactions t join payments p on p.id = t.payment_id where p.order_id = ?",
						order))
			.isOne();
		String paymentId = this.jdbc.sql("select id::text from payments where order_id = ?")
			.param(order)
			.query(String.class)
			.single();
		assertThat(outbox("mercato.payment.processed.v1", paymentId)).isOne();
	}

	@Test
	void theSameOrderWithAnotherAmountIsRefused() {
		UUID order = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		this.payments.chargeToken(order, user, 1000, token(TestCards.SUCCEEDS));
		assertStatus(() -> this.payments.chargeToken(order, user, 2000, token(TestCards.SUCCEEDS)),
				Status.Code.FAILED_PRECONDITION);
		assertThat(count("select count(*) from sandbox_payment_intents where order_id = ?", order)).isOne();
	}

	@Test
	void badInputIsInvalidArgumentAndChangesNothing() {
		UUID user = UUID.randomUUID();
		assertStatus(() -> this.payments.chargeToken(UUID.randomUUID(), user, 0, token(TestCards.SUCCEEDS)),
				Status.Code.INVALID_ARGUMENT);
		assertStatus(() -> this.payments.chargeToken(UUID.randomUUID(), user, -5, token(TestCards.SUCCEEDS)),
				Status.Code.INVALID_ARGUMENT);
		assertStatus(() -> this.payments.charge(ChargeRequest.newBuilder()
			.setOrderId("not-a-uuid")
			.setUserId(user.toString())
			.setAmount(PaymentGrpcClient.usd(100))
			.setToken("tok_x")
			.build()), Status.Code.INVALID_ARGUMENT);
		assertStatus(() -> this.payments.charge(ChargeRequest.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.setUserId(user.toString())
			.setAmount(dev.mercato.contracts.common.v1.Money.newBuilder().setAmountMinor(100).setCurrency("XXY"))
			.setToken("tok_x")
			.build()), Status.Code.INVALID_ARGUMENT);
		assertStatus(() -> this.payments.charge(ChargeRequest.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.setUserId(user.toString())
			.setAmount(PaymentGrpcClient.usd(100))
			.build()), Status.Code.INVALID_ARGUMENT);
		// an unknown token: nothing charged, nothing kept
		UUID order = UUID.randomUUID();
		assertStatus(() -> this.payments.chargeToken(order, user, 100, "tok_unknown"), Status.Code.INVALID_ARGUMENT);
		assertThat(status(order)).isEqualTo("NONE");
		// a used token cannot pay for a second order
		String token = token(TestCards.SUCCEEDS);
		this.payments.chargeToken(UUID.randomUUID(), user, 100, token);
		UUID second = UUID.randomUUID();
		assertStatus(() -> this.payments.chargeToken(second, user, 100, token), Status.Code.INVALID_ARGUMENT);
		assertThat(status(second)).isEqualTo("NONE");
		assertThat(count("select count(*) from payments where user_id = ?", user)).isOne();
	}

	@Test
	void aSavedMethodMustBelongToTheUser() {
		UUID owner = UUID.randomUUID();
		JsonNodeHolder saved = new JsonNodeHolder(call(org.springframework.http.HttpMethod.POST, "/api/payment-methods",
				customer(owner), java.util.Map.of("token", token(TestCards.SUCCEEDS)))
			.getBody());
		UUID methodId = UUID.fromString(saved.node.get("id").asString());

		UUID stranger = UUID.randomUUID();
		UUID order = UUID.randomUUID();
		assertStatus(() -> this.payments.chargeMethod(order, stranger, 100, methodId), Status.Code.NOT_FOUND);
		assertThat(status(order)).isEqualTo("NONE");

		// the owner can charge it, again and again (a saved method is reusable)
		assertThat(this.payments.chargeMethod(UUID.randomUUID(), owner, 100, methodId).getOutcome())
			.isEqualTo(Outcome.CAPTURED);
		assertThat(this.payments.chargeMethod(UUID.randomUUID(), owner, 200, methodId).getOutcome())
			.isEqualTo(Outcome.CAPTURED);
	}

	@Test
	void onlyServicesAndAdminsCharge() {
		String token = token(TestCards.SUCCEEDS);
		UUID user = UUID.randomUUID();
		try (PaymentGrpcClient asCustomer = new PaymentGrpcClient(this.grpcServer.getPort(), customer(user));
				PaymentGrpcClient anonymous = new PaymentGrpcClient(this.grpcServer.getPort(), null);
				PaymentGrpcClient asAdmin = new PaymentGrpcClient(this.grpcServer.getPort(), admin())) {
			assertStatus(() -> asCustomer.chargeToken(UUID.randomUUID(), user, 100, token),
					Status.Code.PERMISSION_DENIED);
			assertStatus(() -> anonymous.chargeToken(UUID.randomUUID(), user, 100, token), Status.Code.UNAUTHENTICATED);
			assertThat(count("select count(*) from payments where user_id = ?", user)).isZero();
			assertThat(asAdmin.chargeToken(UUID.randomUUID(), user, 100, token).getOutcome())
				.isEqualTo(Outcome.CAPTURED);
		}
	}

	@Test
	void theSandboxSendsASignedWebhookThatFindsThePaymentAlreadyFinal() {
		ChargeResponse response = this.payments.chargeToken(UUID.randomUUID(), UUID.randomUUID(), 100,
				token(TestCards.SUCCEEDS));
		String intent = this.jdbc.sql("select provider_payment_id from payments where id = ?::uuid")
			.param(response.getPaymentId())
			.query(String.class)
			.single();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> count(
					"select count(*) from sandbox_webhooks where delivered_at is not null and payload like ?",
					"%" + intent + "%") == 1);
		assertThat(this.jdbc
			.sql("select outcome from webhook_events where type = 'payment_intent.succeeded'"
					+ " and event_id = (select event_id from sandbox_webhooks where payload like ?)")
			.param("%" + intent + "%")
			.query(String.class)
			.single()).isEqualTo("ALREADY_FINAL");
		assertThat(outbox("mercato.payment.processed.v1", response.getPaymentId())).isOne();
	}

	@Test
	void everyPaymentEventReachesThePaymentExchangeAsTheContractSays() throws Exception {
		// exclusive, not auto-delete: receive(timeout) consumes and cancels
		Queue queue = new Queue("it.payment.events." + UUID.randomUUID(), false, true, false);
		this.amqpAdmin.declareQueue(queue);
		this.amqpAdmin
			.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange("payment.events")).with("payment.#"));
		ChargeResponse captured = this.payments.chargeToken(UUID.randomUUID(), UUID.randomUUID(), 1000,
				token(TestCards.SUCCEEDS));
		this.payments.chargeToken(UUID.randomUUID(), UUID.randomUUID(), 1000, token(TestCards.DECLINED));
		this.payments.refund("it-" + UUID.randomUUID(), captured.getPaymentId(), 400);

		Set<String> types = new HashSet<>();
		ObjectMapper json = new ObjectMapper();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			Message message = this.rabbit.receive(queue.getName(), 200);
			if (message != null) {
				JsonNode event = json.readTree(message.getBody());
				assertThat(EventSchemas.validate(event)).as(event.toString()).isEmpty();
				assertThat(message.getMessageProperties().getReceivedRoutingKey())
					.isEqualTo(event.get("type").asText().replace("mercato.", "").replace(".v1", ""));
				types.add(event.get("type").asText());
			}
			return types.size() == 3;
		});
		assertThat(types).containsExactlyInAnyOrder("mercato.payment.processed.v1", "mercato.payment.failed.v1",
				"mercato.payment.refunded.v1");
	}

	static void assertStatus(Runnable call, Status.Code code) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(code));
	}

	private record JsonNodeHolder(tools.jackson.databind.JsonNode node) {

	}

}
