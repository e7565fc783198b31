package dev.mercato.platform.events;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transport-neutral consumer: decodes a message, finds the consumer's handler for the
 * event type and runs it in one transaction with the inbox insert that deduplicates by
 * event id. Transports (the RabbitMQ listener containers today) call
 * {@link #dispatch(String, byte[])} and own retries and dead-lettering.
 */
final class EventDispatcher {

	private static final Log logger = LogFactory.getLog(EventDispatcher.class);

	private final CloudEventCodec codec;

	private final ObjectMapper mapper;

	private final EventStore store;

	private final TransactionTemplate transaction;

	private final EventTracing tracing;

	private final MeterRegistry meters;

	private final Map<String, Map<String, EventHandler<?>>> handlers = new HashMap<>();

	EventDispatcher(CloudEventCodec codec, ObjectMapper mapper, EventStore store, TransactionTemplate transaction,
			EventTracing tracing, MeterRegistry meters, Set<String> consumers, Collection<EventHandler<?>> handlers) {
		this.codec = codec;
		this.mapper = mapper;
		this.store = store;
		this.transaction = transaction;
		this.tracing = tracing;
		this.meters = meters;
		for (String consumer : consumers) {
			this.handlers.put(consumer, new HashMap<>());
		}
		for (EventHandler<?> handler : handlers) {
			Map<String, EventHandler<?>> byType = this.handlers.get(handler.consumer());
			if (byType == null) {
				throw new IllegalStateException("EventHandler for " + handler.type() + " names consumer '"
						+ handler.consumer() + "', which is not configured under mercato.events.consumers (configured: "
						+ consumers + ")");
			}
			if (byType.putIfAbsent(handler.type(), handler) != null) {
				throw new IllegalStateException("Two EventHandlers for " + handler.type() + " in consumer '"
						+ handler.consumer() + "': the inbox deduplicates per consumer, so use one handler"
						+ " (or a second consumer)");
			}
		}
	}

	/**
	 * Handles one message for a consumer. Returns normally when the event was handled,
	 * was a duplicate, or has no handler; the message may then be acknowledged.
	 * @throws MalformedEventException when the message can never be handled
	 * @throws RuntimeException when the handler failed (the transaction rolled back)
	 */
	void dispatch(String consumer, byte[] body) {
		CloudEvent event = this.codec.read(body);
		EventHandler<?> handler = this.handlers.getOrDefault(consumer, Map.of()).get(event.type());
		if (handler == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Consumer '" + consumer + "' has no handler for " + event.type() + ": ignored event "
						+ event.id());
			}
			// Not tagged with the type: unknown types must not create unbounded metrics.
			count(consumer, "other", "ignored");
			return;
		}
		try {
			boolean handled = this.tracing.inConsumerSpan(event, consumer, () -> handle(consumer, handler, event));
			count(consumer, event.type(), handled ? "handled" : "duplicate");
		}
		catch (RuntimeException ex) {
			count(consumer, event.type(), (ex instanceof MalformedEventException) ? "malformed" : "failed");
			throw ex;
		}
	}

	private <T> boolean handle(String consumer, EventHandler<T> handler, CloudEvent event) {
		T data = data(handler, event);
		Boolean handled = this.transaction.execute((status) -> {
			if (!this.store.markProcessed(consumer, event.id())) {
				if (logger.isDebugEnabled()) {
					logger.debug("Consumer '" + consumer + "' already processed event " + event.id() + ": skipped");
				}
				return false;
			}
			try {
				handler.callback().handle(data, event);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new HandlerFailedException(consumer, event, ex);
			}
			return true;
		});
		return Boolean.TRUE.equals(handled);
	}

	private <T> T data(EventHandler<T> handler, CloudEvent event) {
		if (event.data() == null) {
			return null;
		}
		try {
			return this.mapper.treeToValue(event.data(), handler.dataType());
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("data of event " + event.id() + " (" + event.type() + ") does not fit "
					+ handler.dataType().getName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private void count(String consumer, String type, String outcome) {
		Counter.builder("mercato.events.consumed")
			.description("Events received by a consumer, by outcome")
			.tag("consumer", consumer)
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	/**
	 * A handler threw a checked exception.
	 */
	static final class HandlerFailedException extends RuntimeException {

		HandlerFailedException(String consumer, CloudEvent event, Exception cause) {
			super("Consumer '" + consumer + "' failed to handle event " + event.id() + " (" + event.type() + ")",
					cause);
		}

	}

}
