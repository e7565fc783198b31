package dev.mercato.identity.auth;

import dev.mercato.identity.key.SigningKeys;
import dev.mercato.platform.security.MercatoJwt;
import dev.mercato.platform.security.SecurityPlatformProperties;
import dev.mercato.platform.security.VerifiedTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(keys.signingKeySource());
	}

	// Identity verifies its own tokens against its own key table instead of fetching its
	// own JWKS over HTTP; this bean makes platform-security's remote decoder back off.
	// The claim checks are the platform's, so identity accepts exactly what others
	// accept.
	// A logged-out token is rejected here as well (the gateway checks the same
	// deny-list),
	// so calls that bypass the gateway cannot reuse it either.
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, SecurityPlatformProperties security, AccessTokenDenyList denyList) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationKeySource())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> validator = MercatoJwt.validator(security.jwt());
		decoder.setJwtValidator(validator);
		// verified tokens are remembered while their key is published; the deny-list is
		// asked on every use
		JwtDecoder verifying = new VerifiedTokens(validator, security.jwt().cacheSize(),
				(jwt) -> keys.publishes((String) jwt.getHeaders().get("kid")))
			.in(decoder);
		return (token) -> {
			Jwt jwt = verifying.decode(token);
			if (denyList.isDenied(jwt)) {
				// BadJwtException: the resource server answers 401, not 500.
				throw new BadJwtException("The access token has been revoked");
			}
			return jwt;
		};
	}

}
