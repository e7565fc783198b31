package dev.mercato.platform.events;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The events an aggregate registered while it changed, in order, until the service writes
 * them to the outbox in the same transaction with
 * {@link Outbox#publish(AggregateEvents)}. The aggregate decides which events a change
 * raises; the service only saves it.
 *
 * <pre class="code">
 * public void ship(String carrier, Instant now) {
 *     ...
 *     this.events.register(OrderShippedV1.TYPE, this.id.toString(), OrderShippedV1.of(this));
 * }
 * </pre>
 *
 * Held by the aggregate (a {@code @Transient} field of a JPA entity), never persisted.
 */
public final class AggregateEvents {

	private final List<Registered<?>> pending = new ArrayList<>();

	/**
	 * Registers an event.
	 * @param type the event type
	 * @param subject id of the aggregate, or {@code null}
	 * @param data the payload
	 * @param <T> the payload type
	 */
	public <T> void register(EventType<T> type, @Nullable String subject, T data) {
		this.pending.add(new Registered<>(type, subject, data));
	}

	/**
	 * The registered events, which are forgotten here.
	 * @return the events in the order they were registered
	 */
	public List<Registered<?>> pull() {
		List<Registered<?>> events = List.copyOf(this.pending);
		this.pending.clear();
		return events;
	}

	/**
	 * One registered event.
	 *
	 * @param type the event type
	 * @param subject id of the aggregate, or {@code null}
	 * @param data the payload
	 * @param <T> the payload type
	 */
	public record Registered<T>(EventType<T> type, @Nullable String subject, T data) {

	}

}
