package dev.mercato.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import dev.mercato.gateway.GatewayProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Caps the request body ({@code mercato.gateway.max-request-size}): a declared
 * {@code Content-Length} above the cap is refused before anything is read; a chunked body
 * fails as soon as it passes the cap. Either way a 413 problem.
 */
@Component
class RequestSizeWebFilter implements WebFilter, Ordered {

	private final long maxBytes;

	RequestSizeWebFilter(GatewayProperties properties) {
		this.maxBytes = properties.maxRequestSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return Mono.error(new PayloadTooLargeException(this.maxBytes));
		}
		ServerHttpRequestDecorator capped = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong read = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (read.addAndGet(buffer.readableByteCount()) > RequestSizeWebFilter.this.maxBytes) {
						DataBufferUtils.release(buffer);
						sink.error(new PayloadTooLargeException(RequestSizeWebFilter.this.maxBytes));
					}
					else {
						sink.next(buffer);
					}
				});
			}

		};
		return chain.filter(exchange.mutate().request(capped).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 4;
	}

}
