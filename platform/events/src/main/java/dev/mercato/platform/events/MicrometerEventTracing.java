package dev.mercato.platform.events;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * {@link EventTracing} over Micrometer Tracing. The {@code traceparent} is written and
 * parsed here (W3C Trace Context, version 00), so it works whatever propagation format
 * the service uses over HTTP.
 */
final class MicrometerEventTracing implements EventTracing {

	private static final Pattern TRACEPARENT = Pattern
		.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?");

	private static final String ZERO_TRACE_ID = "0".repeat(32);

	private static final String ZERO_SPAN_ID = "0".repeat(16);

	private final Tracer tracer;

	MicrometerEventTracing(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public @Nullable String currentTraceparent() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return null;
		}
		// 64-bit trace ids (B3) are left-padded to the 128 bits W3C requires.
		String traceId = leftPad(context.traceId(), 32);
		String spanId = leftPad(context.spanId(), 16);
		String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
		return "00-" + traceId + "-" + spanId + "-" + flags;
	}

	@Override
	public <T> T inConsumerSpan(CloudEvent event, String consumer, Supplier<T> work) {
		Span.Builder builder = this.tracer.spanBuilder()
			.name(consumer + " " + event.type())
			.kind(Span.Kind.CONSUMER)
			.tag("messaging.message.id", event.id().toString());
		TraceContext parent = parse(event.traceparent());
		if (parent != null) {
			builder.setParent(parent);
		}
		Span span = builder.start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.get();
		}
		catch (RuntimeException | Error ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private @Nullable TraceContext parse(@Nullable String traceparent) {
		Matcher matcher = (traceparent != null) ? TRACEPARENT.matcher(traceparent) : null;
		if (matcher == null || !matcher.matches() || ZERO_TRACE_ID.equals(matcher.group(1))
				|| ZERO_SPAN_ID.equals(matcher.group(2))) {
			return null;
		}
		boolean sampled = (Integer.parseInt(matcher.group(3), 16) & 1) == 1;
		return this.tracer.traceContextBuilder()
			.traceId(matcher.group(1))
			.spanId(matcher.group(2))
			.sampled(sampled)
			.build();
	}

	private static String leftPad(String hex, int length) {
		return (hex.length() >= length) ? hex : "0".repeat(length - hex.length()) + hex;
	}

}
