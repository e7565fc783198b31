package dev.mercato.platform.events;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Carries the W3C trace context across the broker: the producer's span goes into the
 * event's {@code traceparent}, the consumer's handling becomes its child. Without tracing
 * on the classpath both are no-ops.
 */
interface EventTracing {

	EventTracing NONE = new EventTracing() {

		@Override
		public @Nullable String currentTraceparent() {
			return null;
		}

		@Override
		public <T> T inConsumerSpan(CloudEvent event, String consumer, Supplier<T> work) {
			return work.get();
		}

	};

	/**
	 * The {@code traceparent} of the current span, or {@code null} when there is none.
	 */
	@Nullable String currentTraceparent();

	/**
	 * Runs the handling of an event in a consumer span whose parent is the event's
	 * {@code traceparent}.
	 */
	<T> T inConsumerSpan(CloudEvent event, String consumer, Supplier<T> work);

}
