package dev.mercato.gateway.ratelimit;

import java.security.Principal;

import dev.mercato.gateway.edge.EdgeAttributes;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * After authentication: a request with a verified token is counted per user; one that
 * carried a token the chain did not turn into a user (a public path) per IP.
 */
@Component
class RateLimitWebFilter implements WebFilter, Ordered {

	private final RateLimiter limiter;

	RateLimitWebFilter(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return exchange.getPrincipal().map(RateLimitWebFilter::userId).defaultIfEmpty("").flatMap((userId) -> {
			if (!userId.isEmpty()) {
				exchange.getAttributes().put(EdgeAttributes.USER_ID, userId);
			}
			if (!this.limiter.enabled() || RateLimiter.counted(exchange)) {
				return chain.filter(exchange);
			}
			RateLimiter.Budget budget = userId.isEmpty() ? this.limiter.anonymousBudget(exchange)
					: this.limiter.userBudget(userId);
			return this.limiter.limit(exchange, chain, budget);
		});
	}

	private static String userId(Principal principal) {
		if (principal instanceof JwtAuthenticationToken jwt && jwt.getToken().getSubject() != null) {
			return jwt.getToken().getSubject();
		}
		return "";
	}

	@Override
	public int getOrder() {
		// after the security filter chain (-100), before routing
		return 0;
	}

}
