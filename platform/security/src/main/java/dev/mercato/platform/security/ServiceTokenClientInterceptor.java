package dev.mercato.platform.security;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Attaches the service token to every outgoing gRPC call, so internal gRPC endpoints
 * (which all require a JWT) accept the call.
 */
public class ServiceTokenClientInterceptor implements ClientInterceptor {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private final ServiceTokens tokens;

	public ServiceTokenClientInterceptor(ServiceTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
		return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {

			@Override
			public void start(Listener<R> responseListener, Metadata headers) {
				if (!headers.containsKey(AUTHORIZATION)) {
					headers.put(AUTHORIZATION, ServiceTokenClientInterceptor.this.tokens.authorizationHeader());
				}
				super.start(responseListener, headers);
			}

		};
	}

}
