package dev.mercato.platform.events;

import org.jspecify.annotations.Nullable;

/**
 * Handles one event type for one consumer. Declare handlers as beans:
 *
 * <pre class="code">
 * &#64;Bean
 * EventHandler&lt;UserCreatedV1&gt; sendWelcomeMail(WelcomeMails mails) {
 *     return EventHandler.of("user-events", UserCreatedV1.TYPE, (user, event) -&gt; mails.send(user));
 * }
 * </pre>
 *
 * The callback runs in one database transaction together with the inbox insert that
 * deduplicates by event id: it runs at most once per event and consumer, and when it
 * throws, the transaction rolls back and the message is retried, then dead-lettered.
 *
 * @param consumer the consumer name, a key of {@code mercato.events.consumers}
 * @param type the event type, e.g. {@code mercato.user.created.v1}
 * @param dataType the type the event's data is deserialised to
 * @param callback what to do with the event
 * @param <T> the data type
 */
public record EventHandler<T>(String consumer, String type, Class<T> dataType, Callback<T> callback) {

	/**
	 * Validates the handler.
	 * @throws IllegalArgumentException when an argument is missing
	 */
	public EventHandler {
		if (consumer == null || consumer.isBlank() || type == null || type.isBlank() || dataType == null
				|| callback == null) {
			throw new IllegalArgumentException("consumer, type, dataType and callback are required");
		}
	}

	/**
	 * A handler of the given type string.
	 * @param consumer the consumer name
	 * @param type the event type
	 * @param dataType the data type
	 * @param callback what to do with the event
	 * @param <T> the data type
	 * @return the handler
	 */
	public static <T> EventHandler<T> of(String consumer, String type, Class<T> dataType, Callback<T> callback) {
		return new EventHandler<>(consumer, type, dataType, callback);
	}

	/**
	 * A handler of the given event type.
	 * @param consumer the consumer name
	 * @param type the event type
	 * @param callback what to do with the event
	 * @param <T> the data type
	 * @return the handler
	 */
	public static <T> EventHandler<T> of(String consumer, EventType<T> type, Callback<T> callback) {
		return new EventHandler<>(consumer, type.type(), type.dataType(), callback);
	}

	/**
	 * What a handler does with an event.
	 *
	 * @param <T> the data type
	 */
	@FunctionalInterface
	public interface Callback<T> {

		/**
		 * Handles the event, inside the consumer's database transaction.
		 * @param data the event's data, or {@code null} when it carries none
		 * @param event the whole event (id, subject, time, ...)
		 * @throws Exception to have the message retried and finally dead-lettered
		 */
		void handle(@Nullable T data, CloudEvent event) throws Exception;

	}

}
