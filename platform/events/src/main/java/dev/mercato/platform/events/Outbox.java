package dev.mercato.platform.events;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: publishing an event writes a row in the current database
 * transaction, so the event exists if and only if the business change commits. A relay
 * sends the rows to the broker with publisher confirms, retrying until the broker has
 * them.
 *
 * <pre class="code">
 * &#64;Transactional
 * public User register(...) {
 *     User user = users.save(...);
 *     outbox.publish(UserCreatedV1.TYPE, user.id().toString(), new UserCreatedV1(...));
 *     return user;
 * }
 * </pre>
 */
public class Outbox {

	private final EventStore store;

	private final ObjectMapper mapper;

	private final CloudEventCodec codec;

	private final EventTracing tracing;

	private final String source;

	private final Set<String> exchanges;

	private final TransactionSynchronization wakeRelay;

	Outbox(EventStore store, ObjectMapper mapper, CloudEventCodec codec, EventTracing tracing, String source,
			Set<String> exchanges, Runnable afterCommit) {
		this.store = store;
		this.mapper = mapper;
		this.codec = codec;
		this.tracing = tracing;
		this.source = source;
		this.exchanges = Set.copyOf(exchanges);
		this.wakeRelay = new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				afterCommit.run();
			}

		};
	}

	/**
	 * Writes an event to the outbox in the current transaction.
	 * @param exchange the exchange, one of {@code mercato.events.exchanges}
	 * @param type the event type, {@code mercato.<name>.v<N>}; the routing key is derived
	 * from it ({@code mercato.order.created.v1} → {@code order.created})
	 * @param subject id of the aggregate the event is about, or {@code null}
	 * @param data the payload, serialised with Jackson
	 * @return the event id
	 * @throws IllegalStateException when no read-write transaction is active
	 * @throws IllegalArgumentException when the exchange is not configured or the type is
	 * malformed
	 */
	public UUID publish(String exchange, String type, @Nullable String subject, Object data) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Outbox.publish must run inside the business transaction"
					+ " (e.g. a @Transactional service method), so the event commits with the change");
		}
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException("Outbox.publish cannot run in a read-only transaction");
		}
		if (!this.exchanges.contains(exchange)) {
			throw new IllegalArgumentException("Exchange '" + exchange
					+ "' is not declared: add it to mercato.events.exchanges (declared: " + this.exchanges + ")");
		}
		String routingKey = EventType.routingKeyOf(type);
		JsonNode json = this.mapper.valueToTree(Objects.requireNonNull(data, "data"));
		CloudEvent event = CloudEvent.create(this.source, type, subject, this.tracing.currentTraceparent(), json);
		this.store.insert(event, exchange, routingKey, this.codec.write(event));
		wakeRelayAfterCommit();
		return event.id();
	}

	/**
	 * Writes an event of a declared type to the outbox in the current transaction.
	 * @param type the event type
	 * @param subject id of the aggregate the event is about, or {@code null}
	 * @param data the payload
	 * @param <T> the payload type
	 * @return the event id
	 * @throws IllegalStateException when no read-write transaction is active
	 * @see #publish(String, String, String, Object)
	 */
	public <T> UUID publish(EventType<T> type, @Nullable String subject, T data) {
		return publish(type.exchange(), type.type(), subject, data);
	}

	/**
	 * Writes the events an aggregate registered to the outbox in the current transaction,
	 * in the order they were registered, and forgets them there.
	 * @param events the aggregate's events
	 * @throws IllegalStateException when no read-write transaction is active
	 */
	public void publish(AggregateEvents events) {
		events.pull().forEach(this::publish);
	}

	private <T> void publish(AggregateEvents.Registered<T> event) {
		publish(event.type(), event.subject(), event.data());
	}

	private void wakeRelayAfterCommit() {
		// The synchronizations of a transaction are a set: registering the same instance
		// again is a no-op, so one wake-up per commit however many events it wrote.
		TransactionSynchronizationManager.registerSynchronization(this.wakeRelay);
	}

}
