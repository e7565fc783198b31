package dev.mercato.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.mercato.platform.web.DependencyUnavailableException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Access tokens revoked before they expire (logout), by {@code jti}, in Redis under
 * {@code <mercato.redis.key-prefix>denylist:jti:<jti>} until the token would have expired
 * anyway. The gateway reads the same keys: keep the format.
 */
@Component
public class AccessTokenDenyList {

	private final StringRedisTemplate redis;

	private final String prefix;

	private final Clock clock;

	AccessTokenDenyList(StringRedisTemplate redis, @Value("${mercato.redis.key-prefix:}") String keyPrefix,
			Clock clock) {
		this.redis = redis;
		this.prefix = keyPrefix + "denylist:jti:";
		this.clock = clock;
	}

	/**
	 * Rejects the token from now until its expiry.
	 * @param token a verified access token
	 */
	public void deny(Jwt token) {
		if (token.getId() == null || token.getExpiresAt() == null) {
			return;
		}
		Duration remaining = Duration.between(this.clock.instant(), token.getExpiresAt());
		if (remaining.isNegative() || remaining.isZero()) {
			return;
		}
		try {
			// Rounded up to whole seconds so the entry never lapses before the token
			// does.
			this.redis.opsForValue()
				.set(this.prefix + token.getId(), Instant.now(this.clock).toString(),
						Duration.ofSeconds(remaining.toSeconds() + 1));
		}
		catch (DataAccessException ex) {
			// The caller must learn that the token still works (logout failed), not get a
			// 204.
			throw new DependencyUnavailableException("DENY_LIST_UNAVAILABLE",
					"Logout is unavailable for a moment; try again shortly.");
		}
	}

	/**
	 * Whether the token with that id was revoked.
	 * @param jti the token's {@code jti}
	 * @return {@code true} when it must be rejected
	 */
	public boolean isDenied(String jti) {
		return jti != null && Boolean.TRUE.equals(this.redis.hasKey(this.prefix + jti));
	}

}
