package dev.mercato.gateway.security;

import java.time.Duration;
import java.util.List;

import dev.mercato.gateway.RedisFailures;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Rejects tokens identity has revoked although their signature and expiry are still
 * valid: one token (logout), its {@code jti} in Redis under
 * {@code <prefix>denylist:jti:<jti>}; or every token of a user issued before their roles
 * changed, {@code <prefix>denylist:user:<subject>} holding that moment in epoch seconds.
 * Both are read in one round trip.
 * <p>
 * When Redis cannot be asked, the token is accepted (fail open), counted in
 * {@link RedisFailures} with a throttled WARN: a Redis outage must not log out every user
 * of the platform, and a revoked token lives 15 minutes at most.
 */
final class DenyListJwtDecoder implements ReactiveJwtDecoder {

	private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

	private final ReactiveJwtDecoder delegate;

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private final RedisFailures failures;

	DenyListJwtDecoder(ReactiveJwtDecoder delegate, ReactiveStringRedisTemplate redis, String keyPrefix,
			MeterRegistry meters) {
		this.delegate = delegate;
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.failures = new RedisFailures(meters, "denylist", "accepting tokens without the deny-list check");
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return this.delegate.decode(token).flatMap(this::checkNotRevoked);
	}

	private Mono<Jwt> checkNotRevoked(Jwt jwt) {
		String jti = jwt.getId();
		if (jti == null || jti.isBlank()) {
			// identity always sets a jti; a token without one could never be revoked
			return Mono.error(new BadJwtException("The token has no jti"));
		}
		return this.redis.opsForValue()
			.multiGet(List.of(key(jti), this.keyPrefix + "denylist:user:" + jwt.getSubject()))
			.timeout(REDIS_TIMEOUT)
			.map((found) -> found.get(0) != null || issuedBefore(jwt, found.get(1)))
			.onErrorResume((ex) -> {
				this.failures.record(ex);
				return Mono.just(false);
			})
			.flatMap((revoked) -> revoked ? Mono.error(new BadJwtException("The token has been revoked"))
					: Mono.just(jwt));
	}

	private static boolean issuedBefore(Jwt jwt, String notBefore) {
		if (notBefore == null) {
			return false;
		}
		return jwt.getIssuedAt() == null || jwt.getIssuedAt().getEpochSecond() < Long.parseLong(notBefore);
	}

	String key(String jti) {
		return this.keyPrefix + "denylist:jti:" + jti;
	}

}
