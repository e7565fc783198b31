package dev.mercato.identity.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes of the tokens identity issues. Issuer and audience are not here: they are
 * {@code mercato.security.jwt.issuer/audience}, the values every verifier checks.
 *
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 * @param serviceTokenTtl lifetime of a service token
 * @param passwordResetTtl lifetime of a password-reset token
 */
@ConfigurationProperties("mercato.identity.tokens")
public record TokenProperties(@DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue("5m") Duration serviceTokenTtl,
		@DefaultValue("30m") Duration passwordResetTtl) {

}
