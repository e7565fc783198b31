package dev.mercato.gateway.ratelimit;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Before authentication: {@code /api/auth/**} against its per-IP budget, and every
 * request without an {@code Authorization} header against the anonymous per-IP budget, so
 * an anonymous client hammering protected paths meets 429s, not endless 401s.
 */
@Component
class AnonymousRateLimitWebFilter implements WebFilter, Ordered {

	private final RateLimiter limiter;

	AnonymousRateLimitWebFilter(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.limiter.enabled()) {
			return chain.filter(exchange);
		}
		Optional<RateLimiter.Budget> budget = this.limiter.authBudget(exchange);
		if (budget.isEmpty() && !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			budget = Optional.of(this.limiter.anonymousBudget(exchange));
		}
		// a request with a token is counted after authentication, per user
		return budget.map((spent) -> this.limiter.limit(exchange, chain, spent))
			.orElseGet(() -> chain.filter(exchange));
	}

	@Override
	public int getOrder() {
		// before the security filter chain (-100), after the body-size check
		return -150;
	}

}
