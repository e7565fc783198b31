package dev.mercato.platform.security;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The Redis format of revoked access tokens, written by identity and read by identity and
 * the gateway: one token (logout) at {@code <prefix>denylist:jti:<jti>}, and every token
 * of a user issued before a moment (roles changed) at {@code <prefix>denylist:user:<sub>}
 * holding that moment in epoch seconds.
 *
 * @param keyPrefix {@code mercato.redis.key-prefix}
 */
public record DenyList(String keyPrefix) {

	/**
	 * The key that revokes one token.
	 * @param jti the token's id
	 * @return the key
	 */
	public String tokenKey(String jti) {
		return this.keyPrefix + "denylist:jti:" + jti;
	}

	/**
	 * The key that revokes a user's earlier tokens.
	 * @param subject the user id ({@code sub})
	 * @return the key
	 */
	public String userKey(String subject) {
		return this.keyPrefix + "denylist:user:" + subject;
	}

	/**
	 * What to read for a token, in one {@code MGET}: its own key and its user's.
	 * @param token a verified token with a {@code jti}
	 * @return the two keys, in the order {@link #revoked} expects their values
	 */
	public List<String> keysOf(Jwt token) {
		return List.of(tokenKey(token.getId()), userKey(token.getSubject()));
	}

	/**
	 * The value that revokes a user's tokens issued before {@code at}: the second,
	 * rounded up (a token issued in that second is refused too; its owner logs in again).
	 * @param at the moment
	 * @return the value to store at {@link #userKey}
	 */
	public static String notBefore(Instant at) {
		return Long.toString(at.getEpochSecond() + ((at.getNano() > 0) ? 1 : 0));
	}

	/**
	 * Whether a token is revoked, given the values read for {@link #keysOf}.
	 * @param token the token
	 * @param values the two values ({@code null} where a key is absent)
	 * @return {@code true} when it must be refused
	 */
	public static boolean revoked(Jwt token, List<@Nullable String> values) {
		if (values.get(0) != null) {
			return true;
		}
		String notBefore = values.get(1);
		if (notBefore == null) {
			return false;
		}
		return token.getIssuedAt() == null || token.getIssuedAt().getEpochSecond() < Long.parseLong(notBefore);
	}

}
