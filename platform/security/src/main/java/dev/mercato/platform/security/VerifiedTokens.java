package dev.mercato.platform.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
 * A token is remembered for at most {@link #MAX_AGE}, the time the decoders cache
 * identity's JWKS: a verification key withdrawn from the JWKS is trusted by a service
 * until its JWKS copy is refreshed anyway, and a token remembered no longer than that
 * adds no new window. Where the keys are at hand (identity), a predicate also checks on
 * every hit that the token's key is still published. Revocation is the deny-list's job,
 * which runs after decoding and is never cached.
 * <p>
 * Bounded: past {@code capacity} tokens, expired ones are dropped, and if that is not
 * enough the cache starts over.
 */
public final class VerifiedTokens {

	/** Default bound: about 10 MB of tokens and their parsed claims. */
	public static final int DEFAULT_CAPACITY = 4096;

	/** How long a verified token is remembered: the JWKS cache time of the decoders. */
	public static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

	private final OAuth2TokenValidator<Jwt> validator;

	private final int capacity;

	private final Predicate<Jwt> stillTrusted;

	/**
	 * Creates the cache.
	 * @param validator the claim validator the decoder applies to a fresh token
	 * @param capacity the most tokens kept
	 */
	public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, int capacity) {
		this(validator, capacity, (jwt) -> true);
	}

	/**
	 * Creates the cache with a check of the signing key on every hit.
	 * @param validator the claim validator the decoder applies to a fresh token
	 * @param capacity the most tokens kept
	 * @param stillTrusted whether a remembered token's signing key is still trusted
	 */
	public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, int capacity, Predicate<Jwt> stillTrusted) {
		this.validator = validator;
		this.capacity = capacity;
		this.stillTrusted = stillTrusted;
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
		Verified hit = this.verified.get(token);
		if (hit == null) {
			return null;
		}
		if (System.nanoTime() - hit.at() > MAX_AGE.toNanos() || !this.stillTrusted.test(hit.jwt())
				|| this.validator.validate(hit.jwt()).hasErrors()) {
			this.verified.remove(token);
			return null;
		}
		return hit.jwt();
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
			long now = System.nanoTime();
			this.verified.values()
				.removeIf((cached) -> now - cached.at() > MAX_AGE.toNanos()
						|| this.validator.validate(cached.jwt()).hasErrors());
			if (this.verified.size() >= this.capacity) {
				this.verified.clear();
			}
		}
		this.verified.put(token, new Verified(jwt, System.nanoTime()));
	}

	private record Verified(Jwt jwt, long at) {
	}

}
