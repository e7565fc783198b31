package dev.mercato.ordering.checkout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercato.ordering.FakeParticipants;
import dev.mercato.ordering.OrderingITSupport;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The checkout saga against test doubles of its participants: outcomes, compensation,
 * participants down, lost answers, crashes between steps (a process that stopped holding
 * a saga), timeouts and idempotency.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mercato.ordering.saga.worker-interval=200ms", "mercato.ordering.saga.backoff-initial=200ms",
				"mercato.ordering.saga.backoff-max=1s", "mercato.ordering.saga.lease=3s",
				"mercato.ordering.instance-id=it-instance" })
@IsolatedInfrastructure
@Import(OrderingITSupport.TestServiceTokens.class)
class CheckoutIT extends OrderingITSupport {

	@Autowired
	SagaWorker worker;

	@Test
	void happyPathReservesChargesCommitsConfirmsAndClearsTheOrderedCartLines() {
		UUID user = UUID.randomUUID();
		UUID mug = fakes.product("Mug", 1250, 10);
		UUID lamp = fakes.product("Lamp", 3999, 10);
		assertThat(call("POST", "/api/cart/items", customer(user), java.util.Map.of("productId", mug, "quantity", 2))
			.status()).isEqualTo(201);
		assertThat(call("POST", "/api/cart/items", customer(user), java.util.Map.of("productId", lamp, "quantity", 1))
			.status()).isEqualTo(201);

		Response placed = call("POST", "/api/orders", customer(user), checkoutBody(FakeParticipants.TOKEN_OK, null, 0));

		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.text("status")).isEqualTo("CONFIRMED");
		assertThat(placed.body().path("totalAmount").path("amount").asText()).isEqualTo("64.99");
		assertThat(placed.body().path("items")).hasSize(2);
		UUID order = UUID.fromString(placed.text("id"));
		assertThat(fakes.reservations.get(order).status).isEqualTo("COMMITTED");
		assertThat(fakes.available.get(mug)).isEqualTo(8);
		assertThat(fakes.charges.get(order).getOutcome().name()).isEqualTo("CAPTURED");
		assertThat(placed.text("paymentId")).isEqualTo(fakes.charges.get(order).getPaymentId());
		assertThat(call("GET", "/api/cart", customer(user), null).body().path("items")).isEmpty();
		assertThat(eventTypes(order.toString())).containsExactly("mercato.order.created.v1", "mercato.order.paid.v1");
		assertThat(eventTypes(user.toString())).containsOnly("mercato.cart.item_added.v1").hasSize(2);
		assertThat(sagaStep(order)).isEqualTo("DONE");
	}

	@Test
	void declinedCardReleasesTheStockAndCancels() {
		UUID product = fakes.product("Chair", 5000, 5);
		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_DECLINED, product, 2));

		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.text("status")).isEqualTo("CANCELLED");
		assertThat(placed.text("cancellationReason")).isEqualTo("PAYMENT_DECLINED");
		UUID order = UUID.fromString(placed.text("id"));
		assertThat(fakes.reservations.get(order).status).isEqualTo("RELEASED");
		assertThat(fakes.available.get(product)).isEqualTo(5);
		assertThat(fakes.refunds).doesNotContainKey(fakes.charges.get(order).getPaymentId());
		List<JsonNode> events = events(order.toString());
		assertThat(events).extracting((e) -> e.get("type").asText())
			.containsExactly("mercato.order.created.v1", "mercato.order.cancelled.v1");
		assertThat(events.get(1).path("data").path("reason").asText()).isEqualTo("PAYMENT_DECLINED");
		assertThat(events.get(1).path("data").path("refunded").asBoolean()).isFalse();
	}

	@Test
	void insufficientFundsCancelsWithItsReason() {
		UUID product = fakes.product("Sofa", 90000, 5);
		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_INSUFFICIENT, product, 1));

		assertThat(placed.text("status")).isEqualTo("CANCELLED");
		assertThat(placed.text("cancellationReason")).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(fakes.available.get(product)).isEqualTo(5);
	}

	@Test
	void outOfStockCancelsWithoutCharging() {
		UUID product = fakes.product("Rare vase", 100000, 1);
		int chargesBefore = fakes.chargeCalls.get();
		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 2));

		assertThat(placed.text("status")).isEqualTo("CANCELLED");
		assertThat(placed.text("cancellationReason")).isEqualTo("OUT_OF_STOCK");
		assertThat(fakes.chargeCalls.get()).isEqualTo(chargesBefore);
		assertThat(fakes.available.get(product)).isEqualTo(1);
	}

	@Test
	void paymentDownAnswers202PendingAndTheWorkerFinishesWhenItIsBack() {
		UUID product = fakes.product("Kettle", 2500, 3);
		fakes.down.add("payment");

		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));

		assertThat(placed.status()).isEqualTo(202);
		assertThat(placed.text("status")).isEqualTo("PENDING");
		UUID order = UUID.fromString(placed.text("id"));
		assertThat(sagaStep(order)).isEqualTo("CHARGE");
		assertThat(fakes.reservations.get(order).status).isEqualTo("RESERVED");

		fakes.down.remove("payment");
		await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(order)));
		assertThat(fakes.reservations.get(order).status).isEqualTo("COMMITTED");
		assertThat(fakes.charges.get(order).getOutcome().name()).isEqualTo("CAPTURED");
	}

	@Test
	void aLostChargeAnswerIsRetriedWithoutASecondCharge() {
		UUID product = fakes.product("Pan", 3000, 3);
		fakes.loseAnswers.put("payment", new AtomicInteger(1));

		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));

		UUID order = UUID.fromString(placed.text("id"));
		await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(order)));
		// asked twice, charged once: payment is idempotent by order id
		assertThat(fakes.charges).containsKey(order);
		assertThat(fakes.refunds).doesNotContainKey(fakes.charges.get(order).getPaymentId());
		assertThat(eventTypes(order.toString())).containsExactly("mercato.order.created.v1", "mercato.order.paid.v1");
	}

	@Test
	void aSagaLeftByACrashedProcessIsResumedFromItsPersistedStep() {
		UUID product = fakes.product("Lamp", 4000, 3);
		fakes.down.add("payment");
		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));
		UUID order = UUID.fromString(placed.text("id"));
		// as if another instance had claimed it and died right after Reserve: its lease
		// is an hour away, then runs out
		this.jdbc
			.sql("update orders set saga_owner = 'dead-instance', saga_next_attempt_at = now() + interval '1 hour'"
					+ " where id = ?")
			.param(order)
			.update();
		fakes.down.remove("payment");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> "PENDING".equals(status(order)));

		this.jdbc.sql("update orders set saga_next_attempt_at = now() - interval '1 second' where id = ?")
			.param(order)
			.update();

		await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(order)));
		assertThat(fakes.reservations.get(order).status).isEqualTo("COMMITTED");
	}

	@Test
	void aRestartedInstanceTakesBackItsOwnSagasAtOnce() {
		UUID product = fakes.product("Clock", 4000, 3);
		fakes.down.add("inventory");
		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));
		UUID order = UUID.fromString(placed.text("id"));
		assertThat(placed.status()).isEqualTo(202);
		// this instance held it with a long lease when it "crashed"
		this.jdbc
			.sql("update orders set saga_owner = 'it-instance', saga_next_attempt_at = now() + interval '1 hour'"
					+ " where id = ?")
			.param(order)
			.update();
		fakes.down.remove("inventory");

		this.worker.resumeAfterStart();

		await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(order)));
	}

	@Test
	void aSagaPastItsTimeoutIsCompensatedAndAnUnknownChargeIsRefunded() {
		UUID product = fakes.product("Desk", 20000, 2);
		// payment takes the charge, but no answer ever arrives
		fakes.loseAnswers.put("payment", new AtomicInteger(1_000_000));
		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));
		UUID order = UUID.fromString(placed.text("id"));
		assertThat(placed.status()).isEqualTo(202);
		this.jdbc.sql("update orders set saga_deadline = now() - interval '1 second' where id = ?")
			.param(order)
			.update();

		await().atMost(Duration.ofSeconds(20)).until(() -> fakes.reservations.get(order).status.equals("RELEASED"));
		assertThat(status(order)).isEqualTo("PENDING"); // still compensating: is it
														// charged?
		fakes.loseAnswers.clear();

		await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(order)));
		String paymentId = fakes.charges.get(order).getPaymentId();
		assertThat(fakes.refunds.get(paymentId)).hasSize(1);
		JsonNode cancelled = events(order.toString()).getLast().path("data");
		assertThat(cancelled.path("reason").asText()).isEqualTo("TIMEOUT");
		assertThat(cancelled.path("refunded").asBoolean()).isTrue();
		assertThat(fakes.available.get(product)).isEqualTo(2);
	}

	@Test
	void anExpiredReservationAtCommitRefundsTheCharge() {
		UUID product = fakes.product("Rug", 15000, 2);
		fakes.loseAnswers.put("payment", new AtomicInteger(1_000_000));
		Response placed = call("POST", "/api/orders", customer(UUID.randomUUID()),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));
		UUID order = UUID.fromString(placed.text("id"));
		// charged, but the answers are lost until the reservation has expired
		fakes.expire(order);
		fakes.loseAnswers.clear();

		await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(order)));
		assertThat(cancellationReason(order)).isEqualTo("TIMEOUT");
		assertThat(fakes.refunds.get(fakes.charges.get(order).getPaymentId())).hasSize(1);
		assertThat(fakes.available.get(product)).isEqualTo(2);
	}

	@Test
	void aRefundThatFailsIsRetriedUntilPaymentAnswers() {
		UUID user = UUID.randomUUID();
		UUID product = fakes.product("Bike", 50000, 2);
		Response placed = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));
		UUID order = UUID.fromString(placed.text("id"));
		assertThat(placed.text("status")).isEqualTo("CONFIRMED");
		fakes.down.add("payment");

		Response cancel = call("POST", "/api/orders/" + order + "/cancel", customer(user), null);

		assertThat(cancel.status()).isEqualTo(200);
		assertThat(cancel.text("status")).isEqualTo("CONFIRMED"); // cancellation under
																	// way
		assertThat(sagaStep(order)).isEqualTo("COMPENSATE");
		fakes.down.remove("payment");
		await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(order)));
		assertThat(cancellationReason(order)).isEqualTo("CUSTOMER_REQUEST");
		assertThat(fakes.refunds.get(fakes.charges.get(order).getPaymentId())).hasSize(1);
	}

	@Test
	void theSameIdempotencyKeyGivesTheSameOrderAndOneCharge() {
		UUID user = UUID.randomUUID();
		UUID product = fakes.product("Book", 1500, 10);
		var body = checkoutBody(FakeParticipants.TOKEN_OK, product, 1);

		Response first = call("POST", "/api/orders", customer(user), body, "Idempotency-Key", "key-1");
		Response second = call("POST", "/api/orders", customer(user), body, "Idempotency-Key", "key-1");
		Response other = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 2), "Idempotency-Key", "key-1");
		Response otherUser = call("POST", "/api/orders", customer(UUID.randomUUID()), body, "Idempotency-Key", "key-1");

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.text("id")).isEqualTo(first.text("id"));
		assertThat(second.text("status")).isEqualTo("CONFIRMED");
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(otherUser.text("id")).isNotEqualTo(first.text("id"));
		assertThat(
				this.jdbc.sql("select count(*) from orders where user_id = ?").param(user).query(Long.class).single())
			.isEqualTo(1);
		assertThat(fakes.available.get(product)).isEqualTo(8);
	}

	@Test
	void concurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
		UUID user = UUID.randomUUID();
		UUID product = fakes.product("Pen", 200, 50);
		var body = checkoutBody(FakeParticipants.TOKEN_OK, product, 1);
		List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
		try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 8; i++) {
				answers.add(executor
					.submit(() -> call("POST", "/api/orders", customer(user), body, "Idempotency-Key", "k")));
			}
		}
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (var answer : answers) {
			ids.add(answer.get().text("id"));
		}
		assertThat(ids).hasSize(1);
		assertThat(fakes.available.get(product)).isEqualTo(49);
	}

	@Test
	void parallelCheckoutsOfOneCartWithNoOrOtherKeysMakeOneOrderAndOneCharge() throws Exception {
		UUID user = UUID.randomUUID();
		UUID product = fakes.product("Teapot", 1800, 50);
		assertThat(
				call("POST", "/api/cart/items", customer(user), java.util.Map.of("productId", product, "quantity", 1))
					.status())
			.isEqualTo(201);
		var body = checkoutBody(FakeParticipants.TOKEN_OK, null, 0);
		List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
		try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 4; i++) {
				String key = (i < 2) ? null : "key-" + i;
				answers.add(executor.submit(() -> (key == null) ? call("POST", "/api/orders", customer(user), body)
						: call("POST", "/api/orders", customer(user), body, "Idempotency-Key", key)));
			}
		}
		List<Response> placed = new ArrayList<>();
		List<Response> refused = new ArrayList<>();
		for (var answer : answers) {
			Response response = answer.get();
			(response.status() < 300 ? placed : refused).add(response);
		}

		assertThat(placed).hasSize(1);
		// refused while the first runs, or (when it was done already) the cart is empty
		assertThat(refused).hasSize(3).allSatisfy((response) -> {
			if (response.status() == 409) {
				assertThat(response.text("code")).isEqualTo("CART_ALREADY_ORDERED");
				assertThat(response.text("detail")).contains(placed.getFirst().text("id"));
			}
			else {
				assertThat(response.status()).isEqualTo(422);
				assertThat(response.text("code")).isEqualTo("CART_EMPTY");
			}
		});
		assertThat(
				this.jdbc.sql("select count(*) from orders where user_id = ?").param(user).query(Long.class).single())
			.isEqualTo(1);
		UUID order = UUID.fromString(placed.getFirst().text("id"));
		await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(order)));
		assertThat(fakes.available.get(product)).isEqualTo(49);
	}

	@Test
	void aCartWhoseOrderWasCancelledCanBeOrderedAgainButAConfirmedOneNot() {
		UUID user = UUID.randomUUID();
		UUID product = fakes.product("Vase", 2200, 10);
		assertThat(
				call("POST", "/api/cart/items", customer(user), java.util.Map.of("productId", product, "quantity", 1))
					.status())
			.isEqualTo(201);

		Response declined = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_DECLINED, null, 0));
		assertThat(declined.text("status")).isEqualTo("CANCELLED");

		Response paid = call("POST", "/api/orders", customer(user), checkoutBody(FakeParticipants.TOKEN_OK, null, 0));
		assertThat(paid.status()).isEqualTo(201);
		assertThat(paid.text("status")).isEqualTo("CONFIRMED");
		assertThat(fakes.available.get(product)).isEqualTo(9);

		// the confirmed order emptied the cart: nothing left to pay twice
		Response again = call("POST", "/api/orders", customer(user), checkoutBody(FakeParticipants.TOKEN_OK, null, 0));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.text("code")).isEqualTo("CART_EMPTY");
	}

	@Test
	void badRequestsAreProblemsAndCreateNothing() {
		UUID user = UUID.randomUUID();
		UUID product = fakes.product("Cup", 500, 10);
		UUID archived = fakes.product("Old cup", 500, 10);
		fakes.archive(archived);

		Response emptyCart = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, null, 0));
		Response unknown = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, UUID.randomUUID(), 1));
		Response gone = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, archived, 1));
		Response tooMany = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 100));
		Response noPayment = call("POST", "/api/orders", customer(user),
				"{\"shippingAddress\":" + jsonOf(address()) + ",\"payment\":{}}");
		Response noAddress = call("POST", "/api/orders", customer(user), "{\"payment\":{\"token\":\"tok_visa\"}}");
		Response malformed = call("POST", "/api/orders", customer(user), "{not json");
		fakes.invalidUsers.add(user);
		Response disabled = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));
		fakes.invalidUsers.remove(user);
		fakes.down.add("catalog");
		Response catalogDown = call("POST", "/api/orders", customer(user),
				checkoutBody(FakeParticipants.TOKEN_OK, product, 1));
		Response anonymous = call("POST", "/api/orders", null, checkoutBody(FakeParticipants.TOKEN_OK, product, 1));

		assertThat(emptyCart.status()).isEqualTo(422);
		assertThat(emptyCart.text("code")).isEqualTo("CART_EMPTY");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.text("code")).isEqualTo("PRODUCT_UNAVAILABLE");
		assertThat(gone.status()).isEqualTo(422);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(noPayment.status()).isEqualTo(400);
		assertThat(noAddress.status()).isEqualTo(400);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(disabled.status()).isEqualTo(403);
		assertThat(catalogDown.status()).isEqualTo(503);
		assertThat(anonymous.status()).isEqualTo(401);
		for (Response problem : List.of(emptyCart, unknown, gone, tooMany, noPayment, malformed, disabled,
				catalogDown)) {
			assertThat(problem.body().has("type")).as(problem.body().toString()).isTrue();
		}
		assertThat(
				this.jdbc.sql("select count(*) from orders where user_id = ?").param(user).query(Long.class).single())
			.isZero();
		assertThat(fakes.available.get(product)).isEqualTo(10);
	}

	private static String jsonOf(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String status(UUID order) {
		return this.jdbc.sql("select status from orders where id = ?").param(order).query(String.class).single();
	}

	private String sagaStep(UUID order) {
		return this.jdbc.sql("select saga_step from orders where id = ?").param(order).query(String.class).single();
	}

	private String cancellationReason(UUID order) {
		return this.jdbc.sql("select cancellation_reason from orders where id = ?")
			.param(order)
			.query(String.class)
			.single();
	}

}
