package dev.mercato.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.identity.user.RolesChanged;
import dev.mercato.platform.web.DependencyUnavailableException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Access tokens revoked before they expire, in Redis: one token (logout) by {@code jti}
 * under {@code <mercato.redis.key-prefix>denylist:jti:<jti>}, and every token of a user
 * issued before a moment (roles changed) under {@code <prefix>denylist:user:<userId>}
 * holding that moment in epoch seconds; each entry lives until the tokens it names would
 * have expired anyway. The gateway reads the same keys: keep the format.
 */
@Component
public class AccessTokenDenyList {

	private final StringRedisTemplate redis;

	private final String prefix;

	private final String userPrefix;

	private final Clock clock;

	private final Duration accessTokenTtl;

	AccessTokenDenyList(StringRedisTemplate redis, @Value("${mercato.redis.key-prefix:}") String keyPrefix, Clock clock,
			TokenProperties tokens) {
		this.redis = redis;
		this.prefix = keyPrefix + "denylist:jti:";
		this.userPrefix = keyPrefix + "denylist:user:";
		this.clock = clock;
		this.accessTokenTtl = tokens.accessTokenTtl();
	}

	/**
	 * Rejects every access token of the user issued before {@code at} (to the second,
	 * rounded up: a token issued in the same second is rejected too, and its owner logs
	 * in again).
	 * @param userId the user
	 * @param at the moment
	 */
	public void denyIssuedBefore(UUID userId, Instant at) {
		long notBefore = at.getEpochSecond() + ((at.getNano() > 0) ? 1 : 0);
		try {
			this.redis.opsForValue()
				.set(this.userPrefix + userId, Long.toString(notBefore), this.accessTokenTtl.plusSeconds(1));
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
	 * Whether the token was revoked: by its id, or as one of its user's tokens issued
	 * before their roles changed.
	 * @param token a verified access token
	 * @return {@code true} when it must be rejected
	 */
	public boolean isDenied(Jwt token) {
		String jti = token.getId();
		String subject = token.getSubject();
		List<String> found = this.redis.opsForValue()
			.multiGet(List.of(this.prefix + ((jti != null) ? jti : ""), this.userPrefix + subject));
		if (found == null) {
			return false;
		}
		return (jti != null && found.get(0) != null) || issuedBefore(token, found.get(1));
	}

	private static boolean issuedBefore(Jwt token, String notBefore) {
		if (notBefore == null) {
			return false;
		}
		Instant issuedAt = token.getIssuedAt();
		return issuedAt == null || issuedAt.getEpochSecond() < Long.parseLong(notBefore);
	}

}
