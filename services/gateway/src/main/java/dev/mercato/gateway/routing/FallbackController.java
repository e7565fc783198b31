package dev.mercato.gateway.routing;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.mercato.platform.web.DependencyUnavailableException;

/**
 * Where a route's circuit breaker sends a failed call. A GET of the recommender's routes
 * is answered with the popular products kept by {@link PopularRecommendations}, when
 * there are any. Otherwise an open circuit is a 503 at once; a full bulkhead (the route
 * already has its maximum of calls in flight) is a 503 {@code SERVICE_BUSY}; any other
 * failure is passed on as it was, so the problem handler answers a refused connection
 * with 503 and a timeout with 504.
 */
@RestController
class FallbackController {

	static final String PATH = "/_gateway/fallback";

	private final PopularRecommendations popular;

	FallbackController(PopularRecommendations popular) {
		this.popular = popular;
	}

	@RequestMapping(PATH)
	Mono<ResponseEntity<String>> fallback(ServerWebExchange exchange) {
		if (exchange.getRequest().getMethod() == HttpMethod.GET && isRecommendation(exchange)) {
			return this.popular.fallback(limit(exchange))
				.map((answer) -> ResponseEntity.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.header(PopularRecommendations.HEADER, "cached-popular")
					.body(answer))
				.switchIfEmpty(Mono.defer(() -> failed(exchange)));
		}
		return failed(exchange);
	}

	// the route when the breaker is open (no filter past it ran), else the original URL
	private static boolean isRecommendation(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null && PopularRecommendations.ROUTE_ID.equals(route.getId())) {
			return true;
		}
		Set<URI> original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
		return original != null && original.stream()
			.anyMatch((uri) -> uri.getPath() != null && uri.getPath().startsWith(PopularRecommendations.ROUTES));
	}

	private static Optional<Integer> limit(ServerWebExchange exchange) {
		try {
			return Optional.ofNullable(exchange.getRequest().getQueryParams().getFirst("limit")).map(Integer::valueOf);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static <T> Mono<T> failed(ServerWebExchange exchange) {
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
