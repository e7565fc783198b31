package dev.mercato.identity;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

import dev.mercato.contracts.identity.v1.GetUserRequest;
import dev.mercato.contracts.identity.v1.UserServiceGrpc;
import dev.mercato.identity.auth.AccessTokenIssuer;
import dev.mercato.platform.test.IsolatedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A gRPC call carrying a W3C {@code traceparent} is handled inside that trace: the server
 * side continues the caller's trace instead of starting a new one.
 */
@SpringBootTest(properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class GrpcTracingIT {

	static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Autowired
	TraceCapture capture;

	@Autowired
	AccessTokenIssuer tokens;

	@Test
	void serverContinuesTheCallersTrace() {
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
				"00-" + TRACE_ID + "-b7ad6b7169203331-01");
		// gRPC calls need a token; a service token is what other services send
		headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
				"Bearer " + this.tokens.issueForService("tracing-test").getTokenValue());
		ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", this.grpcServer.getPort())
			.usePlaintext()
			.build();
		try {
			UserServiceGrpc.UserServiceBlockingStub stub = UserServiceGrpc.newBlockingStub(channel)
				.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(
					() -> stub.getUser(GetUserRequest.newBuilder().setUserId(UUID.randomUUID().toString()).build()));
		}
		finally {
			channel.shutdownNow();
		}
		assertThat(this.capture.traceId.get()).isEqualTo(TRACE_ID);
	}

	@TestConfiguration
	static class Config {

		@Bean
		TraceCapture traceCapture(Tracer tracer) {
			return new TraceCapture(tracer);
		}

	}

	/**
	 * Runs innermost, inside the span the observation interceptor opened for the call.
	 */
	@GlobalServerInterceptor
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class TraceCapture implements ServerInterceptor {

		final AtomicReference<String> traceId = new AtomicReference<>();

		private final Tracer tracer;

		TraceCapture(Tracer tracer) {
			this.tracer = tracer;
		}

		@Override
		public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
				ServerCallHandler<Q, R> next) {
			Span span = this.tracer.currentSpan();
			this.traceId.set((span != null) ? span.context().traceId() : "no span");
			return next.startCall(call, headers);
		}

	}

}
