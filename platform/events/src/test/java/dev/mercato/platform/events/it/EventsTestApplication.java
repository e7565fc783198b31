package dev.mercato.platform.events.it;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mercato.platform.events.EventHandler;
import dev.mercato.platform.events.EventType;

/**
 * A minimal service using platform-events: it publishes to {@code test.events} and
 * consumes it as consumer {@code test-events}, recording effects in its own table.
 */
@SpringBootApplication
public class EventsTestApplication {

	static final String EXCHANGE = "test.events";

	static final String CONSUMER = "test-events";

	/** Handled: inserts one {@code effect} row per event. */
	static final EventType<Note> RECORDED = new EventType<>(EXCHANGE, "mercato.test.recorded.v1", Note.class);

	/** Handled by a handler that writes an effect row and then always fails. */
	static final EventType<Note> FAILING = new EventType<>(EXCHANGE, "mercato.test.failing.v1", Note.class);

	/** Consumed but not handled by any handler. */
	static final EventType<Note> UNHANDLED = new EventType<>(EXCHANGE, "mercato.test.unhandled.v1", Note.class);

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	FailingHandlerCalls failingHandlerCalls() {
		return new FailingHandlerCalls();
	}

	@Bean
	EventHandler<Note> recordNote(JdbcClient jdbc) {
		return EventHandler.of(CONSUMER, RECORDED, (note, event) -> insertEffect(jdbc, event.id(), note.text()));
	}

	@Bean
	EventHandler<Note> failAlways(JdbcClient jdbc, FailingHandlerCalls calls) {
		return EventHandler.of(CONSUMER, FAILING, (note, event) -> {
			calls.count.incrementAndGet();
			insertEffect(jdbc, event.id(), note.text());
			throw new IllegalStateException("handler failure for " + note.text());
		});
	}

	private static void insertEffect(JdbcClient jdbc, java.util.UUID eventId, String note) {
		jdbc.sql("insert into effect (event_id, note) values (?, ?)").params(eventId, note).update();
	}

	/** The data of the test events. */
	record Note(String text) {
	}

	/** How often the failing handler ran. */
	static final class FailingHandlerCalls {

		final AtomicInteger count = new AtomicInteger();

	}

}
