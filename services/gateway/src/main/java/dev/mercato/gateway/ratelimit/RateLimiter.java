package dev.mercato.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.mercato.gateway.GatewayProperties;
import dev.mercato.gateway.RedisFailures;
import dev.mercato.platform.web.TooManyRequestsException;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits requests per caller in fixed windows counted in Redis (one atomic script), so
 * the limit holds across gateway replicas. A caller with a valid token is counted per
 * user, others per client IP; {@code /api/auth/**} has its own, stricter, per-IP budget.
 * Two filters apply it: {@link AnonymousRateLimitWebFilter} before authentication (so
 * anonymous requests count even when they are refused with 401) and
 * {@link RateLimitWebFilter} after it, for callers with a token.
 * <p>
 * When Redis cannot be asked the request passes (fail open), counted in
 * {@link RedisFailures} with a throttled WARN: an unavailable limiter must not take the
 * platform down.
 */
@Component
class RateLimiter {

	private static final String COUNTED = RateLimiter.class.getName() + ".counted";

	static final String LIMIT = "X-RateLimit-Limit";

	static final String REMAINING = "X-RateLimit-Remaining";

	private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

	private static final AntPathMatcher paths = new AntPathMatcher();

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = RedisScript.of(new ClassPathResource("ratelimit/fixed-window.lua"),
			List.class);

	private final ReactiveStringRedisTemplate redis;

	private final GatewayProperties.RateLimit limits;

	private final String keyPrefix;

	private final RedisFailures failures;

	RateLimiter(ReactiveStringRedisTemplate redis, GatewayProperties properties,
			@Value("${mercato.redis.key-prefix:}") String keyPrefix, MeterRegistry meters) {
		this.redis = redis;
		this.limits = properties.rateLimit();
		this.keyPrefix = keyPrefix;
		this.failures = new RedisFailures(meters, "ratelimit", "requests are not rate-limited");
	}

	boolean enabled() {
		return this.limits.enabled();
	}

	/**
	 * Counts the request against its budget and continues the chain, or answers 429 when
	 * the budget is spent. Marks the exchange counted, so a request is counted once.
	 */
	Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, Budget budget) {
		exchange.getAttributes().put(COUNTED, Boolean.TRUE);
		return count(budget).flatMap((counted) -> {
			if (counted.isEmpty()) {
				return chain.filter(exchange);
			}
			Window window = counted.get();
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set(LIMIT, String.valueOf(budget.limit()));
			headers.set(REMAINING, String.valueOf(Math.max(0, budget.limit() - window.count())));
			if (window.count() > budget.limit()) {
				return Mono.error(new TooManyRequestsException("RATE_LIMITED",
						"Too many requests; try again after the Retry-After delay.", window.resetIn()));
			}
			return chain.filter(exchange);
		});
	}

	static boolean counted(ServerWebExchange exchange) {
		return exchange.getAttribute(COUNTED) != null;
	}

	/**
	 * The stricter per-IP budget of {@code /api/auth/**}, or empty for other paths.
	 */
	Optional<Budget> authBudget(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return paths.match("/api/auth/**", path)
				? Optional.of(new Budget("auth:" + clientIp(exchange), this.limits.auth())) : Optional.empty();
	}

	Budget anonymousBudget(ServerWebExchange exchange) {
		return new Budget("ip:" + clientIp(exchange), this.limits.anonymous());
	}

	Budget userBudget(String userId) {
		return new Budget("user:" + userId, this.limits.authenticated());
	}

	/**
	 * The window's count after this request, or empty when Redis did not answer.
	 */
	private Mono<Optional<Window>> count(Budget budget) {
		List<String> keys = List.of(this.keyPrefix + "ratelimit:" + budget.key());
		return this.redis.execute(SCRIPT, keys, List.of(String.valueOf(this.limits.window().toMillis())))
			.next()
			.timeout(REDIS_TIMEOUT)
			.map((reply) -> Optional.of(new Window(((Number) reply.get(0)).longValue(),
					Duration.ofMillis(((Number) reply.get(1)).longValue()))))
			.onErrorResume((ex) -> {
				this.failures.record(ex);
				return Mono.just(Optional.empty());
			});
	}

	// The direct peer: the gateway is the edge. Behind a trusted proxy, set
	// server.forward-headers-strategy so this is the client's address.
	private static String clientIp(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	record Budget(String key, int limit) {
	}

	private record Window(long count, Duration resetIn) {
	}

}
