package dev.mercato.gateway.routing;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.mercato.platform.web.DependencyUnavailableException;

/**
 * Where a route's circuit breaker sends a failed call. An open circuit is a 503 at once;
 * a full bulkhead (the route already has its maximum of calls in flight) is a 503
 * {@code SERVICE_BUSY}; any other failure is passed on as it was, so the problem handler
 * answers a refused connection with 503 and a timeout with 504.
 */
@RestController
class FallbackController {

	static final String PATH = "/_gateway/fallback";

	@RequestMapping(PATH)
	Mono<Void> fallback(ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (failure == null || failure instanceof CallNotPermittedException) {
			return Mono.error(new DependencyUnavailableException("SERVICE_UNAVAILABLE",
					"A service needed for this request is unavailable. Try again shortly."));
		}
		if (failure instanceof BulkheadFullException) {
			return Mono.error(new DependencyUnavailableException("SERVICE_BUSY",
					"The service has too many requests in progress. Try again in a second."));
		}
		return Mono.error(failure);
	}

}
