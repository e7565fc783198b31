package dev.mercato.platform.events.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mercato.platform.events.CloudEvent;
import dev.mercato.platform.events.CloudEventCodec;
import dev.mercato.platform.events.it.EventsTestApplication.FailingHandlerCalls;
import dev.mercato.platform.events.it.EventsTestApplication.Note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer side: deduplication by the inbox, retries, dead-lettering.
 */
class InboxIT extends EventsServiceIT {

	private static final String QUEUE = "events-test.test.events";

	private static final String DLQ = QUEUE + ".dlq";

	private static final int MAX_ATTEMPTS = 3;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MeterRegistry meters;

	@Autowired
	FailingHandlerCalls failingHandlerCalls;

	@Test
	void theSameEventDeliveredTwiceIsAppliedOnce() {
		CloudEvent event = CloudEvent.create("/elsewhere", "mercato.test.recorded.v1", "s-1", null,
				this.json.valueToTree(new Note("twice")));
		byte[] body = new CloudEventCodec(this.json).write(event).getBytes(StandardCharsets.UTF_8);
		double duplicatesBefore = consumed("mercato.test.recorded.v1", "duplicate");

		probe.send(EventsTestApplication.EXCHANGE, "test.recorded", message(body, event.id()));
		probe.send(EventsTestApplication.EXCHANGE, "test.recorded", message(body, event.id()));

		await().atMost(WAIT).until(() -> consumed("mercato.test.recorded.v1", "duplicate") == duplicatesBefore + 1);
		assertThat(effects(event.id())).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from inbox where event_id = ? and consumer = 'test-events'")
			.param(event.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anEventFromTheOutboxIsHandledOnce() {
		UUID id = this.transaction
			.execute((status) -> this.outbox.publish(EventsTestApplication.RECORDED, "s-2", new Note("round trip")));

		await().atMost(WAIT).until(() -> effects(id) == 1);
		assertThat(this.jdbc.sql("select note from effect where event_id = ?").param(id).query(String.class).single())
			.isEqualTo("round trip");
	}

	@Test
	void aFailingHandlersMessageEndsInTheDeadLetterQueueAfterMaxAttempts() {
		int callsBefore = this.failingHandlerCalls.count.get();

		UUID id = this.transaction
			.execute((status) -> this.outbox.publish(EventsTestApplication.FAILING, "s-3", new Note("doomed")));

		Message dead = probe.receive(DLQ, 1, WAIT).getFirst();
		assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(id.toString());
		assertThat(this.failingHandlerCalls.count.get() - callsBefore).isEqualTo(MAX_ATTEMPTS);
		// Every attempt rolled back: neither the effect nor the inbox entry remains.
		assertThat(effects(id)).isZero();
		assertThat(this.jdbc.sql("select count(*) from inbox where event_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void aMalformedMessageIsDeadLetteredWithoutRetries() {
		UUID id = UUID.randomUUID();
		double malformedBefore = consumed("mercato.test.failing.v1", "malformed");
		int callsBefore = this.failingHandlerCalls.count.get();
		// A valid envelope whose data does not fit the handler's type.
		String body = """
				{"specversion":"1.0","id":"%s","source":"/elsewhere","type":"mercato.test.failing.v1","data":[1,2]}"""
			.formatted(id);

		probe.send(EventsTestApplication.EXCHANGE, "test.failing", message(body.getBytes(StandardCharsets.UTF_8), id));
		probe.send(EventsTestApplication.EXCHANGE, "test.garbage",
				message("not json".getBytes(StandardCharsets.UTF_8), UUID.randomUUID()));

		assertThat(BrokerProbe.eventIds(probe.receive(DLQ, 2, WAIT))).contains(id.toString());
		assertThat(consumed("mercato.test.failing.v1", "malformed") - malformedBefore).isEqualTo(1);
		assertThat(this.failingHandlerCalls.count.get()).isEqualTo(callsBefore);
	}

	@Test
	void anEventNoHandlerWantsIsAcknowledgedAndIgnored() {
		double ignoredBefore = consumed("other", "ignored");

		UUID id = this.transaction
			.execute((status) -> this.outbox.publish(EventsTestApplication.UNHANDLED, null, new Note("nobody cares")));

		await().atMost(WAIT).until(() -> consumed("other", "ignored") > ignoredBefore);
		assertThat(effects(id)).isZero();
		assertThat(BrokerProbe.eventIds(probe.drain(DLQ))).doesNotContain(id.toString());
	}

	private long effects(UUID eventId) {
		return this.jdbc.sql("select count(*) from effect where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single();
	}

	private double consumed(String type, String outcome) {
		Counter counter = this.meters.find("mercato.events.consumed")
			.tag("consumer", EventsTestApplication.CONSUMER)
			.tag("type", type)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static Message message(byte[] body, UUID id) {
		return MessageBuilder.withBody(body)
			.setContentType(CloudEventCodec.CONTENT_TYPE)
			.setMessageId(id.toString())
			.build();
	}

}
