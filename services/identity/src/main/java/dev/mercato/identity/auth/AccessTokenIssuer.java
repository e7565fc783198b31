package dev.mercato.identity.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.identity.user.Role;
import dev.mercato.identity.user.User;
import dev.mercato.platform.security.MercatoJwt;
import dev.mercato.platform.security.SecurityPlatformProperties;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Mints RS256 access tokens: {@code sub} = user id, {@code email}, {@code roles},
 * {@code jti}, {@code iss}, {@code aud}, {@code iat}, {@code exp}; the header names the
 * signing key ({@code kid}).
 */
@Component
public class AccessTokenIssuer {

	/** Subject prefix of service tokens: {@code service:<name>}. */
	public static final String SERVICE_SUBJECT_PREFIX = "service:";

	/** The only role a service token carries. */
	public static final String SERVICE_ROLE = "SERVICE";

	private final JwtEncoder encoder;

	private final SecurityPlatformProperties.Jwt rules;

	private final TokenProperties properties;

	private final Clock clock;

	AccessTokenIssuer(JwtEncoder encoder, SecurityPlatformProperties security, TokenProperties properties,
			Clock clock) {
		this.encoder = encoder;
		this.rules = security.jwt();
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Issues an access token for the user.
	 * @param user the authenticated user
	 * @return the signed token
	 */
	public Jwt issue(User user) {
		JwtClaimsSet claims = claims(user.getId().toString(), this.properties.accessTokenTtl())
			.claim(MercatoJwt.EMAIL_CLAIM, user.getEmail().value())
			.claim(MercatoJwt.ROLES_CLAIM, user.getRoles().stream().map(Role::name).sorted().toList())
			.build();
		return encode(claims);
	}

	/**
	 * Issues a service token: {@code sub} = {@code service:<name>}, {@code roles} =
	 * {@code ["SERVICE"]}, short-lived.
	 * @param serviceName the calling service's client id
	 * @return the signed token
	 */
	public Jwt issueForService(String serviceName) {
		JwtClaimsSet claims = claims(SERVICE_SUBJECT_PREFIX + serviceName, this.properties.serviceTokenTtl())
			.claim(MercatoJwt.ROLES_CLAIM, List.of(SERVICE_ROLE))
			.build();
		return encode(claims);
	}

	private JwtClaimsSet.Builder claims(String subject, java.time.Duration ttl) {
		Instant now = this.clock.instant();
		return JwtClaimsSet.builder()
			.issuer(this.rules.issuer())
			.audience(List.of(this.rules.audience()))
			.subject(subject)
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(ttl));
	}

	private Jwt encode(JwtClaimsSet claims) {
		// NimbusJwtEncoder adds the kid of the key it selects from the active-key source.
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims));
	}

}
