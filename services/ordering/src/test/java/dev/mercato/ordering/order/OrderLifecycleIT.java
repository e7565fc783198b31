package dev.mercato.ordering.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercato.contracts.events.EventSchemas;
import dev.mercato.contracts.ordering.v1.GetOrderRequest;
import dev.mercato.contracts.ordering.v1.OrderServiceGrpc;
import dev.mercato.ordering.FakeParticipants;
import dev.mercato.ordering.OrderingITSupport;
import dev.mercato.ordering.StatementCounter;
import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestJwtIssuer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * After checkout: who may read and change an order, shipping and delivery, illegal
 * transitions, history paging in one query, refunds reported by payment, and GetOrder.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@IsolatedInfrastructure
@Import({ OrderingITSupport.TestServiceTokens.class, StatementCounter.Configuration.class })
class OrderLifecycleIT extends OrderingITSupport {

	@Autowired
	OrderQueries queries;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Test
	void aCustomerCannotReadOrCancelAnotherCustomersOrder() {
		UUID alice = UUID.randomUUID();
		UUID bob = UUID.randomUUID();
		String order = confirmedOrder(alice);

		assertThat(call("GET", "/api/orders/" + order, customer(bob), null).status()).isEqualTo(404);
		Response cancel = call("POST", "/api/orders/" + order + "/cancel", customer(bob), null);
		assertThat(cancel.status()).isEqualTo(404);
		assertThat(cancel.text("code")).isEqualTo("ORDER_NOT_FOUND");
		assertThat(call("GET", "/api/orders", customer(bob), null).body().path("items")).isEmpty();
		assertThat(call("GET", "/api/orders/" + order, customer(alice), null).text("status")).isEqualTo("CONFIRMED");
		assertThat(call("GET", "/api/orders/" + order, admin(), null).status()).isEqualTo(200);
		assertThat(call("GET", "/api/orders/" + UUID.randomUUID(), customer(alice), null).status()).isEqualTo(404);
		assertThat(call("GET", "/api/orders/not-a-uuid", customer(alice), null).status()).isEqualTo(400);
	}

	@Test
	void aCustomerCancelsBeforeShippingAndIsRefunded() {
		UUID user = UUID.randomUUID();
		String order = confirmedOrder(user);

		Response cancelled = call("POST", "/api/orders/" + order + "/cancel", customer(user), null);

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
		assertThat(cancelled.text("cancellationReason")).isEqualTo("CUSTOMER_REQUEST");
		String paymentId = fakes.charges.get(UUID.fromString(order)).getPaymentId();
		assertThat(fakes.refunds.get(paymentId)).hasSize(1);
		JsonNode event = events(order).getLast();
		assertThat(event.path("type").asText()).isEqualTo("mercato.order.cancelled.v1");
		assertThat(event.path("data").path("refunded").asBoolean()).isTrue();
		// the sold unit is back in stock
		UUID product = UUID.fromString(cancelled.body().path("items").get(0).path("productId").asText());
		assertThat(fakes.available.get(product)).isEqualTo(5);
		// twice: 409, no second refund
		Response again = call("POST", "/api/orders/" + order + "/cancel", customer(user), null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("ILLEGAL_ORDER_TRANSITION");
		assertThat(fakes.refunds.get(paymentId)).hasSize(1);
	}

	@Test
	void anAdminShipsAndDeliversAndIllegalTransitionsAre409() {
		UUID user = UUID.randomUUID();
		String order = confirmedOrder(user);
		var shipment = java.util.Map.of("carrier", "DHL", "trackingNumber", "JD014600006281230704");

		assertThat(call("POST", "/api/orders/" + order + "/ship", customer(user), shipment).status()).isEqualTo(403);
		assertThat(call("POST", "/api/orders/" + order + "/deliver", admin(), null).status()).isEqualTo(409);
		assertThat(call("POST", "/api/orders/" + order + "/ship", admin(), java.util.Map.of("carrier", "")).status())
			.isEqualTo(400);
		Response shipped = call("POST", "/api/orders/" + order + "/ship", admin(), shipment);
		assertThat(shipped.status()).isEqualTo(200);
		assertThat(shipped.text("status")).isEqualTo("SHIPPED");
		assertThat(shipped.text("trackingNumber")).isEqualTo("JD014600006281230704");
		assertThat(call("POST", "/api/orders/" + order + "/cancel", customer(user), null).status()).isEqualTo(409);
		assertThat(call("POST", "/api/orders/" + order + "/ship", admin(), shipment).status()).isEqualTo(409);
		Response delivered = call("POST", "/api/orders/" + order + "/deliver", admin(), null);
		assertThat(delivered.text("status")).isEqualTo("DELIVERED");
		assertThat(eventTypes(order)).containsExactly("mercato.order.created.v1", "mercato.order.paid.v1",
				"mercato.order.shipped.v1", "mercato.order.delivered.v1");
		assertThat(fakes.refunds).doesNotContainKey(fakes.charges.get(UUID.fromString(order)).getPaymentId());
	}

	@Test
	void historyIsPagedNewestFirstInOneQueryAndAdminsFilterByStatus() {
		UUID user = UUID.randomUUID();
		String first = confirmedOrder(user);
		String second = confirmedOrder(user);
		String third = confirmedOrder(user);
		call("POST", "/api/orders/" + second + "/cancel", customer(user), null);

		Response page = call("GET", "/api/orders?page=0&size=2", customer(user), null);
		assertThat(page.body().path("total").asLong()).isEqualTo(3);
		assertThat(page.body().path("items").findValuesAsText("id")).containsExactly(third, second);
		Response last = call("GET", "/api/orders?page=1&size=2", customer(user), null);
		assertThat(last.body().path("items").findValuesAsText("id")).containsExactly(first);
		Response beyond = call("GET", "/api/orders?page=5&size=2", customer(user), null);
		assertThat(beyond.body().path("items")).isEmpty();
		assertThat(beyond.body().path("total").asLong()).isEqualTo(3);
		Response cancelled = call("GET", "/api/orders?status=CANCELLED&size=100", admin(), null);
		assertThat(cancelled.body().path("items").findValuesAsText("status")).containsOnly("CANCELLED");
		assertThat(cancelled.body().path("items").findValuesAsText("id")).contains(second);
		assertThat(call("GET", "/api/orders?status=NOPE", admin(), null).status()).isEqualTo(400);
		assertThat(call("GET", "/api/orders?size=1000", admin(), null).status()).isEqualTo(400);

		StatementCounter.watchThisThread();
		OrderPage history = this.queries.page(user, null, 0, 20);
		List<String> historyStatements = StatementCounter.statements();
		StatementCounter.watchThisThread();
		OrderView detail = this.queries.find(UUID.fromString(first)).orElseThrow();
		List<String> detailStatements = StatementCounter.statements();

		assertThat(history.items()).hasSize(3).allSatisfy((o) -> assertThat(o.items()).hasSize(1));
		assertThat(detail.items()).hasSize(1);
		assertThat(historyStatements).as("history statements").hasSize(1);
		assertThat(detailStatements).as("detail statements").hasSize(1);
	}

	@Test
	void aFullRefundFromPaymentMakesAPaidOrderRefundedOnce() {
		UUID user = UUID.randomUUID();
		String order = confirmedOrder(user);
		String cancelledOrder = confirmedOrder(user);
		call("POST", "/api/orders/" + cancelledOrder + "/cancel", customer(user), null);
		UUID eventId = UUID.randomUUID();

		publishRefunded(eventId, order, user, true);
		publishRefunded(eventId, order, user, true); // redelivered
		publishRefunded(UUID.randomUUID(), cancelledOrder, user, true); // its own
																		// compensation's
																		// refund
		UUID last = UUID.randomUUID();
		publishRefunded(last, order, user, false);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from inbox where consumer = 'payment-events' and event_id = ?")
				.param(last)
				.query(Long.class)
				.single() == 1);
		assertThat(call("GET", "/api/orders/" + order, customer(user), null).text("status")).isEqualTo("REFUNDED");
		assertThat(call("GET", "/api/orders/" + cancelledOrder, customer(user), null).text("status"))
			.isEqualTo("CANCELLED");
		List<String> types = eventTypes(order);
		assertThat(types.stream().filter("mercato.order.refunded.v1"::equals)).hasSize(1);
		assertThat(eventTypes(cancelledOrder)).doesNotContain("mercato.order.refunded.v1");
	}

	@Test
	void getOrderOverGrpcForServices() {
		UUID user = UUID.randomUUID();
		String order = confirmedOrder(user);
		ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", this.grpcServer.getPort())
			.usePlaintext()
			.build();
		try {
			Metadata service = new Metadata();
			service.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
					"Bearer " + TestJwtIssuer.shared().serviceToken("graphql"));
			var stub = OrderServiceGrpc.newBlockingStub(channel)
				.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(service))
				.withDeadlineAfter(5, TimeUnit.SECONDS);
			var answer = stub.getOrder(GetOrderRequest.newBuilder().setOrderId(order).build());
			assertThat(answer.getStatus()).isEqualTo("CONFIRMED");
			assertThat(answer.getTotal().getAmountMinor()).isEqualTo(1000);
			assertThat(answer.getItemsList()).hasSize(1);
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(
					() -> stub.getOrder(GetOrderRequest.newBuilder().setOrderId(UUID.randomUUID().toString()).build()))
				.extracting((ex) -> ex.getStatus().getCode())
				.isEqualTo(Status.Code.NOT_FOUND);
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> stub.getOrder(GetOrderRequest.newBuilder().setOrderId("x").build()))
				.extracting((ex) -> ex.getStatus().getCode())
				.isEqualTo(Status.Code.INVALID_ARGUMENT);
			Metadata customer = new Metadata();
			customer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
					"Bearer " + customer(user));
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> OrderServiceGrpc.newBlockingStub(channel)
					.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(customer))
					.getOrder(GetOrderRequest.newBuilder().setOrderId(order).build()))
				.extracting((ex) -> ex.getStatus().getCode())
				.isEqualTo(Status.Code.PERMISSION_DENIED);
		}
		finally {
			channel.shutdownNow();
		}
	}

	private String confirmedOrder(UUID user) {
		UUID product = fakes.product("Thing", 1000, 5);
		Response placed = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));
		assertThat(placed.text("status")).isEqualTo("CONFIRMED");
		return placed.text("id");
	}

	private void publishRefunded(UUID eventId, String order, UUID user, boolean full) {
		String data = "{\"paymentId\":\"" + UUID.randomUUID() + "\",\"orderId\":\"" + order + "\",\"userId\":\"" + user
				+ "\",\"refundId\":\"" + UUID.randomUUID()
				+ "\",\"amount\":{\"amount\":\"10.00\",\"currency\":\"USD\"},\"totalRefunded\":{\"amount\":\"10.00\",\"currency\":\"USD\"},\"fullyRefunded\":"
				+ full + ",\"reason\":\"requested_by_customer\",\"refundedAt\":\"" + Instant.now() + "\"}";
		String event = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/payment\","
				+ "\"type\":\"mercato.payment.refunded.v1\",\"subject\":\"" + order + "\",\"time\":\"" + Instant.now()
				+ "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
		try {
			assertThat(EventSchemas.validate(json.readTree(event))).as(event).isEmpty();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.rabbit.send("payment.events", "payment.refunded",
				MessageBuilder.withBody(event.getBytes(StandardCharsets.UTF_8))
					.setContentType("application/cloudevents+json")
					.setMessageId(eventId.toString())
					.build());
	}

}
