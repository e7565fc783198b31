package dev.mercato.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of Mercato events ({@code mercato.events.*}).
 *
 * <pre class="code">
 * mercato.events:
 *   exchanges: [user.events]              # topic exchanges this service publishes to
 *   consumers:
 *     user-events:                        # consumer name, used by EventHandlers
 *       exchange: user.events
 *       routing-keys: ["user.#"]
 *       queue: notification.user.events   # default: &lt;spring.application.name&gt;.&lt;exchange&gt;
 *       retry: {max-attempts: 4, initial-interval: 1s, multiplier: 2.0, max-interval: 30s}
 * </pre>
 *
 * @param enabled whether the library is active at all
 * @param source the CloudEvents {@code source} of published events; default
 * {@code /<spring.application.name>}
 * @param exchanges the topic exchanges this service publishes to (declared durable)
 * @param consumers the consumers of this service, by name
 * @param outbox outbox and relay settings
 * @param inbox inbox settings
 */
@ConfigurationProperties("mercato.events")
public record EventsProperties(@DefaultValue("true") boolean enabled, @Nullable String source,
		@DefaultValue List<String> exchanges, @DefaultValue Map<String, Consumer> consumers,
		@DefaultValue Outbox outbox, @DefaultValue Inbox inbox) {

	/**
	 * One consumer: a durable quorum queue bound to an exchange, with its dead-letter
	 * queue {@code <queue>.dlq} and a listener container.
	 *
	 * @param exchange the topic exchange to consume from
	 * @param routingKeys the binding keys, e.g. {@code user.#}
	 * @param queue the queue name; default {@code <spring.application.name>.<exchange>}
	 * @param concurrency listener threads on this instance
	 * @param prefetch unacknowledged messages a listener thread may hold
	 * @param retry attempts and backoff before the message is dead-lettered
	 */
	public record Consumer(String exchange, @DefaultValue("#") List<String> routingKeys, @Nullable String queue,
			@DefaultValue("1") int concurrency, @DefaultValue("10") int prefetch, @DefaultValue Retry retry) {

		/**
		 * Validates the consumer.
		 * @throws IllegalArgumentException when the exchange is missing or a number is
		 * not positive
		 */
		public Consumer {
			if (exchange == null || exchange.isBlank()) {
				throw new IllegalArgumentException("exchange is required");
			}
			if (concurrency < 1 || prefetch < 1) {
				throw new IllegalArgumentException("concurrency and prefetch must be at least 1");
			}
		}

	}

	/**
	 * Retries of a failing handler, in the listener, before the message is dead-lettered.
	 *
	 * @param maxAttempts deliveries to the handler in total (first attempt included)
	 * @param initialInterval delay before the first retry
	 * @param multiplier growth of the delay per retry
	 * @param maxInterval the longest delay
	 */
	public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("1s") Duration initialInterval,
			@DefaultValue("2.0") double multiplier, @DefaultValue("30s") Duration maxInterval) {

		/**
		 * Validates the settings.
		 * @throws IllegalArgumentException when max-attempts is below 1 or the backoff is
		 * invalid
		 */
		public Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("max-attempts must be at least 1 but was " + maxAttempts);
			}
			new Backoff(initialInterval, multiplier, maxInterval);
		}

		/**
		 * The backoff between attempts.
		 * @return the backoff
		 */
		public Backoff backoff() {
			return new Backoff(this.initialInterval, this.multiplier, this.maxInterval);
		}

	}

	/**
	 * The outbox relay.
	 *
	 * @param relayEnabled whether this instance relays outbox rows to the broker
	 * @param pollInterval how often the relay looks for rows besides being woken after
	 * commits
	 * @param batchSize rows published per batch before awaiting their confirms
	 * @param confirmTimeout how long to wait for the broker's confirms of a batch
	 * @param retention how long sent rows are kept before the relay deletes them
	 * @param backoff delay before a failed row is tried again
	 */
	public record Outbox(@DefaultValue("true") boolean relayEnabled, @DefaultValue("500ms") Duration pollInterval,
			@DefaultValue("100") int batchSize, @DefaultValue("10s") Duration confirmTimeout,
			@DefaultValue("1d") Duration retention, @DefaultValue Backoff backoff) {

		/**
		 * Validates the settings.
		 * @throws IllegalArgumentException when a setting is not positive
		 */
		public Outbox {
			if (batchSize < 1) {
				throw new IllegalArgumentException("batch-size must be at least 1 but was " + batchSize);
			}
			requirePositive("poll-interval", pollInterval);
			requirePositive("confirm-timeout", confirmTimeout);
			requirePositive("retention", retention);
		}

	}

	/**
	 * The inbox.
	 *
	 * @param retention how long processed event ids are remembered for deduplication
	 */
	public record Inbox(@DefaultValue("14d") Duration retention) {

		/**
		 * Validates the settings.
		 * @throws IllegalArgumentException when the retention is not positive
		 */
		public Inbox {
			requirePositive("retention", retention);
		}

	}

	private static void requirePositive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
	}

}
