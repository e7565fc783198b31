package dev.mercato.platform.web.reactive;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.mercato.platform.web.Problems;

/**
 * Gives every request an id (the caller's plain {@code X-Request-Id} or a new one),
 * echoes it in the response, and sets it on the request so a proxy forwards it to the
 * service that handles the request: one id across the edge and the service.
 */
public class RequestIdWebFilter implements WebFilter {

	/** Exchange attribute holding the request id. */
	public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String received = exchange.getRequest().getHeaders().getFirst(Problems.REQUEST_ID_HEADER);
		String requestId = Problems.isValidRequestId(received) ? received : UUID.randomUUID().toString();
		exchange.getAttributes().put(ATTRIBUTE, requestId);
		exchange.getResponse().getHeaders().set(Problems.REQUEST_ID_HEADER, requestId);
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(Problems.REQUEST_ID_HEADER, requestId))
			.build();
		return chain.filter(exchange.mutate().request(request).build())
			.contextWrite((context) -> context.put(Problems.REQUEST_ID, requestId));
	}

}
