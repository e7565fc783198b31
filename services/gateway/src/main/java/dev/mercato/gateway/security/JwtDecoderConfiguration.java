package dev.mercato.gateway.security;

import dev.mercato.platform.security.MercatoJwt;
import dev.mercato.platform.security.SecurityPlatformProperties;
import dev.mercato.platform.security.VerifiedTokens;
import dev.mercato.platform.security.reactive.CachedReactiveJwtDecoder;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The edge's token check: platform-security's rules (RS256 from identity's JWKS, expiry,
 * issuer, audience), then the deny-list. Defining the decoder here makes the platform's
 * back off.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

	@Bean
	ReactiveJwtDecoder reactiveJwtDecoder(SecurityPlatformProperties properties, ReactiveStringRedisTemplate redis,
			@Value("${mercato.redis.key-prefix:}") String keyPrefix, MeterRegistry meters) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwt().jwksUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> validator = MercatoJwt.validator(properties.jwt());
		decoder.setJwtValidator(validator);
		// verified tokens are remembered; the deny-list is asked on every request
		ReactiveJwtDecoder verifying = new CachedReactiveJwtDecoder(
				new VerifiedTokens(validator, properties.jwt().cacheSize()), decoder);
		return new DenyListJwtDecoder(verifying, redis, keyPrefix, meters);
	}

}
