package dev.mercato.gateway.security;

import java.time.Duration;

import dev.mercato.gateway.RedisFailures;
import dev.mercato.platform.security.DenyList;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Rejects tokens identity has revoked although their signature and expiry are still
 * valid, as {@link DenyList} records them: one token (logout), or every token of a user
 * issued before their roles changed. Both are read in one round trip.
 * <p>
 * When Redis cannot be asked, the token is accepted (fail open), counted in
 * {@link RedisFailures} with a throttled WARN: a Redis outage must not log out every user
 * of the platform, and a revoked token lives 15 minutes at most.
 */
final class DenyListJwtDecoder implements ReactiveJwtDecoder {

	private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

	private final ReactiveJwtDecoder delegate;

	private final ReactiveStringRedisTemplate redis;

	private final DenyList keys;

	private final RedisFailures failures;

	DenyListJwtDecoder(ReactiveJwtDecoder delegate, ReactiveStringRedisTemplate redis, String keyPrefix,
			MeterRegistry meters) {
		this.delegate = delegate;
		this.redis = redis;
		this.keys = new DenyList(keyPrefix);
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
			.multiGet(this.keys.keysOf(jwt))
			.timeout(REDIS_TIMEOUT)
			.map((found) -> DenyList.revoked(jwt, found))
			.onErrorResume((ex) -> {
				this.failures.record(ex);
				return Mono.just(false);
			})
			.flatMap((revoked) -> revoked ? Mono.error(new BadJwtException("The token has been revoked"))
					: Mono.just(jwt));
	}

}
