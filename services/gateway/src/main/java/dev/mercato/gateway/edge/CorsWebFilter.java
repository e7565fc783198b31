package dev.mercato.gateway.edge;

import java.util.List;

import dev.mercato.gateway.GatewayProperties;
import dev.mercato.platform.web.ForbiddenException;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for the whole API from {@code mercato.gateway.cors}, answered before the security
 * chain: a preflight carries no token. A request from an origin that is not allowed is a
 * 403 problem; an allowed preflight is answered here and never forwarded.
 */
@Component
class CorsWebFilter implements WebFilter, Ordered {

	private final CorsConfiguration configuration;

	private final CorsProcessor processor = new DefaultCorsProcessor();

	CorsWebFilter(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Request-Id", "Idempotency-Key"));
		cors.setExposedHeaders(
				List.of("X-Request-Id", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "Location"));
		cors.setAllowCredentials(true);
		cors.setMaxAge(properties.cors().maxAge());
		this.configuration = cors;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		boolean valid = this.processor.process(this.configuration, exchange);
		if (!valid) {
			// the processor set 403 on the response; answer it as a problem instead
			exchange.getResponse().setStatusCode(null);
			return Mono.error(new ForbiddenException("CORS_REJECTED", "This origin may not call the API."));
		}
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			exchange.getResponse().setStatusCode(HttpStatus.OK);
			return Mono.empty();
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		// before the security filter chain (-100)
		return Ordered.HIGHEST_PRECEDENCE + 3;
	}

}
