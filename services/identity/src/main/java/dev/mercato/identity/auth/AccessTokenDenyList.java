package dev.mercato.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.identity.user.RolesChanged;
import dev.mercato.platform.security.DenyList;
import dev.mercato.platform.web.DependencyUnavailableException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Access tokens revoked before they expire, in Redis ({@link DenyList}'s format, which
 * the gateway reads too): one token on logout, and every token of a user issued before
 * their roles changed. Each entry lives until the tokens it names would have expired
 * anyway.
 */
@Component
public class AccessTokenDenyList {

	private final StringRedisTemplate redis;

	private final DenyList keys;

	private final Clock clock;

	private final Duration accessTokenTtl;

	AccessTokenDenyList(StringRedisTemplate redis, @Value("${mercato.redis.key-prefix:}") String keyPrefix, Clock clock,
			TokenProperties tokens) {
		this.redis = redis;
		this.keys = new DenyList(keyPrefix);
		this.clock = clock;
		this.accessTokenTtl = tokens.accessTokenTtl();
	}

	/**
	 * Rejects every access token of the user issued before {@code at} (see
	 * {@link DenyList#notBefore}).
	 * @param userId the user
	 * @param at the moment
	 */
	public void denyIssuedBefore(UUID userId, Instant at) {
		try {
			this.redis.opsForValue()
				.set(this.keys.userKey(userId.toString()), DenyList.notBefore(at), this.accessTokenTtl.plusSeconds(1));
		}
		catch (DataAccessException ex) {
			throw new DependencyUnavailableException("DENY_LIST_UNAVAILABLE",
					"Tokens cannot be revoked right now; try again shortly.");
		}
	}

	// roles changed: tokens carrying the old roles must stop working at once (the roles
	// change fails with 503 when Redis cannot record it)
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void rolesChanged(RolesChanged change) {
		denyIssuedBefore(change.userId(), change.at());
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
				.set(this.keys.tokenKey(token.getId()), Instant.now(this.clock).toString(),
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
	 * Whether the token was revoked: by its id, or as one of its user's tokens issued
	 * before their roles changed.
	 * @param token a verified access token
	 * @return {@code true} when it must be rejected
	 */
	public boolean isDenied(Jwt token) {
		if (token.getId() == null) {
			return false;
		}
		List<String> found = this.redis.opsForValue().multiGet(this.keys.keysOf(token));
		return found != null && DenyList.revoked(token, found);
	}

}
