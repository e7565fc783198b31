package dev.mercato.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs access tokens shaped like identity's, with a key the test serves as the JWKS.
 */
final class TestTokens {

	private final RSAKey key;

	TestTokens() {
		this.key = generateKey("gateway-it");
	}

	/** The public JWKS to serve from the identity stub. */
	String jwks() {
		return new JWKSet(this.key).toPublicJWKSet().toString();
	}

	String valid() {
		return valid(UUID.randomUUID());
	}

	String valid(UUID userId) {
		return sign(this.key, userId, UUID.randomUUID().toString(), Instant.now().plusSeconds(300));
	}

	String withJti(String jti) {
		return sign(this.key, UUID.randomUUID(), jti, Instant.now().plusSeconds(300));
	}

	/** Properly signed, but for another audience or from another issuer. */
	String withIssuerAndAudience(String issuer, String audience) {
		return sign(this.key,
				claims(UUID.randomUUID(), UUID.randomUUID().toString(), Instant.now().plusSeconds(300)).issuer(issuer)
					.audience(List.of(audience)));
	}

	/** {@code alg: none}: the valid claims, no signature. */
	static String unsigned() {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		long now = Instant.now().getEpochSecond();
		String payload = "{\"iss\":\"mercato-identity\",\"aud\":[\"mercato\"],\"sub\":\"" + UUID.randomUUID()
				+ "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 300)
				+ ",\"roles\":[\"ADMIN\"]}";
		return header + "." + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
	}

	String expiringAt(Instant expiresAt) {
		return sign(this.key, UUID.randomUUID(), UUID.randomUUID().toString(), expiresAt);
	}

	/** Same kid, another key: the signature cannot verify. */
	static String signedByAnotherKey() {
		return sign(generateKey("gateway-it"), UUID.randomUUID(), UUID.randomUUID().toString(),
				Instant.now().plusSeconds(300));
	}

	private static String sign(RSAKey key, UUID userId, String jti, Instant expiresAt) {
		return sign(key, claims(userId, jti, expiresAt));
	}

	private static JwtClaimsSet.Builder claims(UUID userId, String jti, Instant expiresAt) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer("mercato-identity")
			.audience(List.of("mercato"))
			.subject(userId.toString())
			.issuedAt(expiresAt.minusSeconds(900))
			.expiresAt(expiresAt)
			.claim("email", "user@example.com")
			.claim("roles", List.of("CUSTOMER"));
		if (jti != null) {
			claims.id(jti);
		}
		return claims;
	}

	private static String sign(RSAKey key, JwtClaimsSet.Builder claims) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		return encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
	}

	private static RSAKey generateKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
