package dev.mercato.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import dev.mercato.platform.security.reactive.CachedReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTest {

	private final AtomicInteger verifications = new AtomicInteger();

	/** Stands for expiry: once set, every token fails the claim checks. */
	private final AtomicBoolean expired = new AtomicBoolean();

	private final OAuth2TokenValidator<Jwt> validator = (jwt) -> this.expired.get()
			? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null))
			: OAuth2TokenValidatorResult.success();

	/** A verifying decoder: counts calls, refuses "forged", applies the validator. */
	private final JwtDecoder verifying = (token) -> {
		this.verifications.incrementAndGet();
		if (token.startsWith("forged")) {
			throw new BadJwtException("bad signature");
		}
		Jwt jwt = jwt(token);
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			throw new JwtValidationException("invalid", result.getErrors());
		}
		return jwt;
	};

	@Test
	void aTokenIsVerifiedOnceAndAnsweredFromTheCacheAfterwards() {
		JwtDecoder decoder = new VerifiedTokens(this.validator, 10).in(this.verifying);
		Jwt first = decoder.decode("token-a");
		Jwt second = decoder.decode("token-a");
		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
		decoder.decode("token-b");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aCachedTokenThatNoLongerPassesTheClaimChecksIsRefusedByTheVerifyingDecoder() {
		VerifiedTokens tokens = new VerifiedTokens(this.validator, 10);
		JwtDecoder decoder = tokens.in(this.verifying);
		decoder.decode("token-a");
		this.expired.set(true);
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode("token-a"));
		assertThat(this.verifications).hasValue(2);
		assertThat(tokens.size()).isZero();
	}

	@Test
	void aTokenWhoseKeyIsNoLongerTrustedIsVerifiedAgain() {
		AtomicBoolean keyPublished = new AtomicBoolean(true);
		JwtDecoder decoder = new VerifiedTokens(this.validator, 10, (jwt) -> keyPublished.get()).in(this.verifying);
		decoder.decode("token-a");
		decoder.decode("token-a");
		assertThat(this.verifications).hasValue(1);
		keyPublished.set(false);
		decoder.decode("token-a");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void refusedTokensAreNeverRemembered() {
		VerifiedTokens tokens = new VerifiedTokens(this.validator, 10);
		JwtDecoder decoder = tokens.in(this.verifying);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged-1"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged-1"));
		assertThat(this.verifications).hasValue(2);
		assertThat(tokens.size()).isZero();
	}

	@Test
	void theCacheStaysWithinItsCapacity() {
		VerifiedTokens tokens = new VerifiedTokens(this.validator, 3);
		JwtDecoder decoder = tokens.in(this.verifying);
		for (int i = 0; i < 10; i++) {
			decoder.decode("token-" + i);
			assertThat(tokens.size()).isLessThanOrEqualTo(3);
		}
		decoder.decode("token-9");
		assertThat(this.verifications).hasValue(10);
	}

	@Test
	void capacityZeroVerifiesEveryTime() {
		JwtDecoder decoder = new VerifiedTokens(this.validator, 0).in(this.verifying);
		decoder.decode("token-a");
		decoder.decode("token-a");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void theReactiveDecoderSharesTheRules() {
		VerifiedTokens tokens = new VerifiedTokens(this.validator, 10);
		CachedReactiveJwtDecoder decoder = new CachedReactiveJwtDecoder(tokens,
				(token) -> Mono.fromCallable(() -> this.verifying.decode(token)));
		Jwt first = decoder.decode("token-a").block();
		assertThat(decoder.decode("token-a").block()).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
		this.expired.set(true);
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode("token-a").block());
		assertThat(this.verifications).hasValue(2);
	}

	private static Jwt jwt(String token) {
		Instant now = Instant.now();
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("user-1")
			.audience(List.of("mercato"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(900))
			.build();
	}

}
