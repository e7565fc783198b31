package dev.mercato.platform.security;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The rules every Mercato access token is checked against, shared by the edge and the
 * services (and by identity, which verifies with its own keys).
 */
public final class MercatoJwt {

	/** Claim holding the user's roles, e.g. {@code ["CUSTOMER"]}. */
	public static final String ROLES_CLAIM = "roles";

	/** Claim holding the user's email. */
	public static final String EMAIL_CLAIM = "email";

	private MercatoJwt() {
	}

	/**
	 * Signature-independent checks: expiry and not-before (with the default clock skew),
	 * issuer and audience.
	 * @param jwt the expected issuer and audience
	 * @return the validator
	 */
	public static OAuth2TokenValidator<Jwt> validator(SecurityPlatformProperties.Jwt jwt) {
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(jwt.audience()));
		return new DelegatingOAuth2TokenValidator<>(
				List.of(JwtValidators.createDefaultWithIssuer(jwt.issuer()), audience));
	}

	/**
	 * Maps the {@code roles} claim to {@code ROLE_*} authorities, the subject to the
	 * name.
	 * @return the converter
	 */
	public static JwtAuthenticationConverter authenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(ROLES_CLAIM);
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		Converter<Jwt, Collection<GrantedAuthority>> authorities = roles;
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

}
