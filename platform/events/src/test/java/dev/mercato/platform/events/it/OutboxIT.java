package dev.mercato.platform.events.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import dev.mercato.contracts.events.EventSchemas;
import dev.mercato.platform.events.AggregateEvents;
import dev.mercato.platform.events.CloudEvent;
import dev.mercato.platform.events.CloudEventCodec;
import dev.mercato.platform.events.it.EventsTestApplication.Note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The producer side against the real PostgreSQL and RabbitMQ. The poll interval is long
 * here, so an event that arrives within seconds was sent because its commit woke the
 * relay.
 */
@SpringBootTest(properties = "mercato.events.outbox.poll-interval=30s")
class OutboxIT extends EventsServiceIT {

	private static final Duration PROMPTLY = Duration.ofSeconds(3);

	@Value("${mercato.events.outbox.poll-interval}")
	Duration pollInterval;

	@Test
	void publishesAStructuredCloudEventRightAfterTheCommit() {
		assertThat(this.pollInterval).isGreaterThan(PROMPTLY.multipliedBy(2));
		String queue = probe.bind("probe.wire", EventsTestApplication.EXCHANGE, "test.unhandled");

		UUID id = this.transaction.execute(
				(status) -> this.outbox.publish(EventsTestApplication.UNHANDLED, "subject-1", new Note("on the wire")));

		Message message = probe.receive(queue, 1, PROMPTLY).getFirst();
		assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/cloudevents+json");
		assertThat(message.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
		assertThat(message.getMessageProperties().getMessageId()).isEqualTo(id.toString());
		assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("test.unhandled");
		CloudEvent event = new CloudEventCodec(JsonMapper.builder().build()).read(message.getBody());
		assertThat(event.id()).isEqualTo(id);
		assertThat(event.source()).isEqualTo("/events-test");
		assertThat(event.type()).isEqualTo("mercato.test.unhandled.v1");
		assertThat(event.subject()).isEqualTo("subject-1");
		assertThat(event.time()).isNotNull();
		assertThat(event.data().get("text").asString()).isEqualTo("on the wire");
		// The broker delivers before the relay has recorded the confirm.
		await().atMost(PROMPTLY)
			.until(() -> this.jdbc.sql("select sent_at is not null from outbox where event_id = ?")
				.param(id)
				.query(Boolean.class)
				.single());
	}

	@Test
	void theOutboxWritesEnvelopesThatMeetTheEventContract() throws Exception {
		UUID userId = UUID.randomUUID();
		Map<String, Object> data = Map.of("userId", userId, "email", "alice@mercato.dev", "firstName", "Alice",
				"lastName", "Liddell", "roles", List.of("CUSTOMER"));

		String payload = this.transaction.execute((status) -> {
			UUID id = this.outbox.publish(EventsTestApplication.EXCHANGE, "mercato.user.created.v1", userId.toString(),
					data);
			status.setRollbackOnly();
			return this.jdbc.sql("select payload from outbox where event_id = ?")
				.param(id)
				.query(String.class)
				.single();
		});

		assertThat(EventSchemas.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload)))
			.isEmpty();
	}

	@Test
	void anAggregatesRegisteredEventsAreWrittenInOrderInTheTransaction() {
		AggregateEvents events = new AggregateEvents();
		events.register(EventsTestApplication.UNHANDLED, "aggregate-1", new Note("first"));
		events.register(EventsTestApplication.UNHANDLED, "aggregate-1", new Note("second"));

		List<String> written = this.transaction.execute((status) -> {
			this.outbox.publish(events);
			status.setRollbackOnly();
			return this.jdbc.sql("select payload from outbox where subject = 'aggregate-1' order by id")
				.query(String.class)
				.list();
		});

		assertThat(written).hasSize(2);
		assertThat(written.get(0)).contains("first");
		assertThat(written.get(1)).contains("second");
		assertThat(events.pull()).isEmpty();
	}

	@Test
	void anEventWrittenInARolledBackTransactionIsNeverPublished() {
		String queue = probe.bind("probe.rollback", EventsTestApplication.EXCHANGE, "test.unhandled");

		this.transaction.executeWithoutResult((status) -> {
			this.outbox.publish(EventsTestApplication.UNHANDLED, null, new Note("rolled back"));
			status.setRollbackOnly();
		});
		UUID committed = this.transaction
			.execute((status) -> this.outbox.publish(EventsTestApplication.UNHANDLED, null, new Note("committed")));

		// The relay sends in id order, so once the later event is out, the earlier one
		// would have been too.
		List<Message> received = probe.receive(queue, 1, PROMPTLY);
		assertThat(BrokerProbe.eventIds(received)).containsExactly(committed.toString());
		assertThat(probe.drain(queue)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from outbox where payload like '%rolled back%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEventWithoutSubscribersIsDeliveredToNobodyAndLaterOnesReachANewSubscriber() {
		UUID orphan = this.transaction.execute((status) -> this.outbox.publish(EventsTestApplication.EXCHANGE,
				"mercato.orphan.created.v1", "orphan-1", new Note("nobody listens yet")));
		await().atMost(PROMPTLY)
			.until(() -> this.jdbc.sql("select sent_at is not null from outbox where event_id = ?")
				.param(orphan)
				.query(Boolean.class)
				.single());
		assertThat(this.jdbc.sql("select attempts from outbox where event_id = ?")
			.param(orphan)
			.query(Integer.class)
			.single()).isZero();

		String queue = probe.bind("probe.orphans", EventsTestApplication.EXCHANGE, "orphan.#");
		UUID next = this.transaction.execute((status) -> this.outbox.publish(EventsTestApplication.EXCHANGE,
				"mercato.orphan.created.v1", "orphan-2", new Note("second")));

		assertThat(BrokerProbe.eventIds(probe.receive(queue, 1, Duration.ofSeconds(5))))
			.containsExactly(next.toString());
		await().atMost(PROMPTLY).until(() -> unsent() == 0);
	}

	@Test
	void publishingOutsideATransactionIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.outbox.publish(EventsTestApplication.RECORDED, null, new Note("no transaction")))
			.withMessageContaining("transaction");
	}

	@Test
	void publishingToAnUndeclaredExchangeOrAMalformedTypeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.transaction.executeWithoutResult(
					(status) -> this.outbox.publish("other.events", "mercato.test.recorded.v1", null, new Note("x"))))
			.withMessageContaining("mercato.events.exchanges");
		assertThatIllegalArgumentException().isThrownBy(() -> this.transaction.executeWithoutResult(
				(status) -> this.outbox.publish(EventsTestApplication.EXCHANGE, "test.recorded", null, new Note("x"))));
	}

	@Test
	void theLibraryKeepsItsOwnMigrationHistoryBesideTheApplications() {
		assertThat(this.jdbc
			.sql("select description from flyway_platform_events_history where success and version is not null"
					+ " and type = 'SQL' order by installed_rank")
			.query(String.class)
			.list()).containsExactly("outbox and inbox");
		assertThat(this.jdbc.sql("select description from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list()).containsExactly("effects", "jpa note");
		assertThat(this.jdbc.sql("select to_regclass('effect')::text").query(String.class).single())
			.isEqualTo("effect");
	}

	private long unsent() {
		return this.jdbc.sql("select count(*) from outbox where sent_at is null").query(Long.class).single();
	}

}
