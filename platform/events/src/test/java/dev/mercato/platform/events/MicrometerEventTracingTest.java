package dev.mercato.platform.events;

import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MicrometerEventTracingTest {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

	private final SimpleTracer tracer = new SimpleTracer();

	private final MicrometerEventTracing tracing = new MicrometerEventTracing(this.tracer);

	@Test
	void thereIsNoTraceparentWithoutACurrentSpan() {
		assertThat(this.tracing.currentTraceparent()).isNull();
	}

	@Test
	void theCurrentSpanBecomesTheTraceparent() {
		Span span = this.tracer.nextSpan().start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			String traceparent = this.tracing.currentTraceparent();

			assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
				.endsWith(span.context().spanId() + (Boolean.TRUE.equals(span.context().sampled()) ? "-01" : "-00"))
				.contains(span.context().traceId());
		}
	}

	@Test
	void theConsumerSpanContinuesTheProducersTrace() {
		String seenByHandler = this.tracing.inConsumerSpan(event("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01"),
				"notification", this.tracing::currentTraceparent);

		SimpleSpan consumerSpan = this.tracer.onlySpan();
		assertThat(consumerSpan.getTraceId()).isEqualTo(TRACE_ID);
		assertThat(consumerSpan.getParentId()).isEqualTo(PARENT_SPAN_ID);
		assertThat(consumerSpan.getSpanId()).isNotEqualTo(PARENT_SPAN_ID);
		assertThat(consumerSpan.getName()).isEqualTo("notification mercato.user.created.v1");
		assertThat(consumerSpan.getEndTimestamp()).isNotNull();
		assertThat(seenByHandler).isEqualTo("00-" + TRACE_ID + "-" + consumerSpan.getSpanId() + "-01");
	}

	@Test
	void anInvalidTraceparentStartsANewTrace() {
		this.tracing.inConsumerSpan(event("00-" + "0".repeat(32) + "-" + PARENT_SPAN_ID + "-01"), "notification",
				() -> null);

		assertThat(this.tracer.onlySpan().getTraceId()).isNotEqualTo("0".repeat(32));
		assertThat(this.tracer.onlySpan().getParentId()).isNullOrEmpty();
	}

	@Test
	void aHandlerFailureIsRecordedOnTheSpanAndRethrown() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.tracing.inConsumerSpan(event(null), "notification", () -> {
				throw new IllegalStateException("boom");
			}));

		assertThat(this.tracer.onlySpan().getError()).hasMessage("boom");
		assertThat(this.tracer.onlySpan().getEndTimestamp()).isNotNull();
	}

	private static CloudEvent event(String traceparent) {
		return new CloudEvent("1.0", UUID.randomUUID(), "/identity", "mercato.user.created.v1", null, null, null,
				traceparent, null);
	}

}
