package dev.mercato.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.mercato.platform.web.reactive.RequestIdWebFilter;

/**
 * One log line per request: method, path, status, duration (until the response headers
 * leave), request id and user id, as key-value pairs of the JSON log line. Logged when
 * the response is committed, so answers written by the error handler are logged too.
 */
@Component
class AccessLogWebFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger("dev.mercato.gateway.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long started = System.nanoTime();
		ServerHttpRequest request = exchange.getRequest();
		exchange.getResponse().beforeCommit(() -> {
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			long durationMs = (System.nanoTime() - started) / 1_000_000;
			String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
			String userId = exchange.getAttribute(EdgeAttributes.USER_ID);
			int statusValue = (status != null) ? status.value() : 200;
			log.atInfo()
				.addKeyValue("method", request.getMethod().name())
				.addKeyValue("path", request.getPath().value())
				.addKeyValue("status", statusValue)
				.addKeyValue("durationMs", durationMs)
				.addKeyValue("requestId", requestId)
				.addKeyValue("userId", userId)
				.log("{} {} {} {}ms", request.getMethod().name(), request.getPath().value(), statusValue, durationMs);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		// right after the request id filter
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
