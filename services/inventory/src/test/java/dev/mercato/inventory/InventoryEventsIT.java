package dev.mercato.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.mercato.contracts.events.EventSchemas;
import dev.mercato.contracts.inventory.v1.ReserveResponse.Outcome;
import dev.mercato.inventory.reservation.ReservationService;
import dev.mercato.platform.test.IsolatedInfrastructure;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What inventory consumes and publishes on RabbitMQ, and the expiry sweeper (reservations
 * here live two seconds).
 */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "mercato.inventory.reservation.ttl=2s",
		"mercato.inventory.reservation.sweep-interval=200ms" })
@IsolatedInfrastructure
class InventoryEventsIT extends GrpcITSupport {

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin amqpAdmin;

	@Autowired
	ReservationService reservations;

	@Autowired
	MeterRegistry meters;

	@Test
	void productCreatedCreatesTheStockRowOnce() {
		UUID product = UUID.randomUUID();
		UUID seller = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		String data = "{\"productId\":\"" + product + "\",\"sellerId\":\"" + seller
				+ "\",\"initialStock\":12,\"name\":\"Lamp\"}";

		publishProductCreated(eventId, data);
		publishProductCreated(eventId, data); // redelivery
		UUID another = UUID.randomUUID(); // another event for the same product
		publishProductCreated(another,
				"{\"productId\":\"" + product + "\",\"sellerId\":\"" + seller + "\",\"initialStock\":99}");

		// one consumer thread handles them in order: the last one handled means all were
		await().atMost(Duration.ofSeconds(20)).until(() -> consumed(another));
		assertThat(this.db.levels(product)).containsExactly(12, 0);
		assertThat(this.db.movementSums(product)).containsExactly(12, 0);
		assertThat(this.jdbc.sql("select low_stock_threshold from stocks where product_id = ?")
			.param(product)
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(this.inventory.reserve(UUID.randomUUID(), product).getOutcome()).isEqualTo(Outcome.RESERVED);
	}

	@Test
	void expiredReservationsAreReleasedAndStockReturns() {
		UUID product = product(5);
		UUID order = UUID.randomUUID();
		assertThat(this.inventory.reserve(order, product, product).getOutcome()).isEqualTo(Outcome.RESERVED);
		assertThat(this.db.levels(product)).containsExactly(5, 2);

		await().atMost(Duration.ofSeconds(15)).until(() -> this.db.reservationStatus(order).equals("EXPIRED"));

		assertThat(this.db.levels(product)).containsExactly(5, 0);
		assertThat(this.db.movementSums(product)).containsExactly(5, 0);
		assertThat(this.meters.get("mercato.inventory.reservations.expired").counter().count()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from stock_movements where reference = ? and reason = 'EXPIRED'")
			.param(order.toString())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.db.events("mercato.inventory.released.v1", order)).isOne();
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> this.inventory.commit(order))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.FAILED_PRECONDITION));
		this.inventory.release(order); // already given back: no second effect
		assertThat(this.db.levels(product)).containsExactly(5, 0);
	}

	@Test
	void concurrentSweepersExpireEachReservationOnce() throws Exception {
		UUID product = product(100);
		List<UUID> orders = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			UUID order = UUID.randomUUID();
			this.inventory.reserve(order, product);
			// held back from the scheduled sweeper until all are due at the same moment
			setExpiry(order, "1 hour");
			orders.add(order);
		}
		orders.forEach((order) -> setExpiry(order, "-1 second"));

		// four more "instances" sweeping at once, besides this instance's scheduled
		// sweeper
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<?>> sweepers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				sweepers.add(pool.submit(() -> {
					while (this.reservations.expireDue() > 0) {
						// next batch
					}
				}));
			}
			for (Future<?> sweeper : sweepers) {
				sweeper.get();
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.db.levels(product)[1] == 0);
		assertThat(this.db.levels(product)).containsExactly(100, 0);
		assertThat(this.db.movementSums(product)).containsExactly(100, 0);
		List<String> expired = this.jdbc
			.sql("select reference from stock_movements where product_id = ? and reason = 'EXPIRED'")
			.param(product)
			.query(String.class)
			.list();
		assertThat(expired).hasSize(orders.size());
		assertThat(new HashSet<>(expired)).hasSize(orders.size());
	}

	@Test
	void publishedEventsFollowTheContract() throws Exception {
		// exclusive, not auto-delete: receive(timeout) consumes and cancels, which would
		// delete
		// an auto-delete queue
		Queue queue = new Queue("it.inventory.events." + UUID.randomUUID(), false, true, false);
		this.amqpAdmin.declareQueue(queue);
		this.amqpAdmin
			.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange("inventory.events")).with("inventory.#"));
		UUID product = product(6); // threshold 5
		UUID order = UUID.randomUUID();
		this.inventory.reserve(order, product, product);
		this.inventory.release(order);

		Set<String> types = new HashSet<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			Message message = this.rabbit.receive(queue.getName(), 200);
			if (message != null) {
				com.fasterxml.jackson.databind.JsonNode event = json(
						new String(message.getBody(), StandardCharsets.UTF_8));
				assertThat(EventSchemas.validate(event)).as(event.toString()).isEmpty();
				types.add(event.get("type").asText());
			}
			return types.size() == 4;
		});
		assertThat(types).containsExactlyInAnyOrder("mercato.inventory.reserved.v1", "mercato.inventory.updated.v1",
				"mercato.inventory.low_stock.v1", "mercato.inventory.released.v1");
	}

	private void setExpiry(UUID order, String fromNow) {
		this.jdbc.sql("update reservations set expires_at = now() + cast(? as interval) where order_id = ?")
			.params(fromNow, order)
			.update();
	}

	private boolean consumed(UUID eventId) {
		return this.jdbc.sql("select count(*) from inbox where consumer = 'product-events' and event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	private void publishProductCreated(UUID eventId, String data) {
		String event = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/catalog\","
				+ "\"type\":\"mercato.product.created.v1\",\"time\":\"" + Instant.now()
				+ "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
		assertThat(EventSchemas.validate(json(event))).isEmpty();
		this.rabbit.send("product.events", "product.created",
				MessageBuilder.withBody(event.getBytes(StandardCharsets.UTF_8))
					.setContentType("application/cloudevents+json")
					.setMessageId(eventId.toString())
					.build());
	}

	private static com.fasterxml.jackson.databind.JsonNode json(String text) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private UUID product(int onHand) {
		UUID product = UUID.randomUUID();
		UUID seller = UUID.randomUUID();
		publishProductCreated(UUID.randomUUID(),
				"{\"productId\":\"" + product + "\",\"sellerId\":\"" + seller + "\",\"initialStock\":" + onHand + "}");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from stocks where product_id = ?")
				.param(product)
				.query(Long.class)
				.single() == 1);
		return product;
	}

}
