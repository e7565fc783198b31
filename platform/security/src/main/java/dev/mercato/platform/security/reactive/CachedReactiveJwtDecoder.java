package dev.mercato.platform.security.reactive;

import dev.mercato.platform.security.VerifiedTokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * A reactive decoder that answers tokens it verified before from {@link VerifiedTokens}
 * and asks the verifying decoder otherwise.
 */
public final class CachedReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final VerifiedTokens verified;

	private final ReactiveJwtDecoder delegate;

	public CachedReactiveJwtDecoder(VerifiedTokens verified, ReactiveJwtDecoder delegate) {
		this.verified = verified;
		this.delegate = delegate;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt hit = this.verified.find(token);
		if (hit != null) {
			return Mono.just(hit);
		}
		return this.delegate.decode(token).doOnNext((jwt) -> this.verified.remember(token, jwt));
	}

}
