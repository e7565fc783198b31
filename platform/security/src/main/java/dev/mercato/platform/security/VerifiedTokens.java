package dev.mercato.platform.security;

import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Tokens whose signature was already verified, by their serialized form, so a token used
 * again (a customer's requests within a session, a service token on every internal call)
 * is not parsed and RSA-verified again. A hit is re-validated with the same claim
 * validator as a fresh token (expiry, not-before, issuer, audience), so a token that
 * expired since is decoded afresh and refused with the decoder's own error.
 * <p>
 * Bounded: past {@code capacity} tokens, expired ones are dropped, and if that is not
 * enough the cache starts over. A verification key withdrawn from identity's JWKS stops
 * verifying new tokens at once, while tokens it verified before stay accepted until they
 * expire (at most the access-token lifetime); revocation is the deny-list's job, which
 * runs after decoding and is never cached.
 */
public final class VerifiedTokens {

	/** Default bound: about 10 MB of tokens and their parsed claims. */
	public static final int DEFAULT_CAPACITY = 4096;

	private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

	private final OAuth2TokenValidator<Jwt> validator;

	private final int capacity;

	/**
	 * Creates the cache.
	 * @param validator the claim validator the decoder applies to a fresh token
	 * @param capacity the most tokens kept
	 */
	public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, int capacity) {
		this.validator = validator;
		this.capacity = capacity;
	}

	/**
	 * A decoder that consults this cache before {@code delegate}.
	 * @param delegate the verifying decoder
	 * @return the caching decoder
	 */
	public JwtDecoder in(JwtDecoder delegate) {
		return (token) -> {
			Jwt hit = find(token);
			if (hit != null) {
				return hit;
			}
			Jwt jwt = delegate.decode(token);
			remember(token, jwt);
			return jwt;
		};
	}

	/**
	 * How many tokens are cached.
	 * @return the count
	 */
	public int size() {
		return this.verified.size();
	}

	/**
	 * The verified token, if cached and still valid.
	 * @param token the serialized token
	 * @return the token, or {@code null} when it has to be decoded
	 */
	public @Nullable Jwt find(String token) {
		Jwt jwt = this.verified.get(token);
		if (jwt == null) {
			return null;
		}
		if (this.validator.validate(jwt).hasErrors()) {
			this.verified.remove(token);
			return null;
		}
		return jwt;
	}

	/**
	 * Remembers a token the verifying decoder accepted.
	 * @param token the serialized token
	 * @param jwt the decoded token
	 */
	public void remember(String token, Jwt jwt) {
		if (this.capacity <= 0) {
			return;
		}
		if (this.verified.size() >= this.capacity) {
			this.verified.values().removeIf((cached) -> this.validator.validate(cached).hasErrors());
			if (this.verified.size() >= this.capacity) {
				this.verified.clear();
			}
		}
		this.verified.put(token, jwt);
	}

}
