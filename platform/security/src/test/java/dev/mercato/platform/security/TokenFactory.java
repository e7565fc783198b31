package dev.mercato.platform.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues tokens shaped like identity's, with knobs to tamper with them.
 */
final class TokenFactory {

	final KeyPair keys = generate();

	final String kid = "test-key";

	String jwks() {
		return new JWKSet(new RSAKey.Builder((RSAPublicKey) this.keys.getPublic()).keyID(this.kid).build()).toString();
	}

	String token(UUID userId, List<String> roles) {
		return sign(this.keys, claims(userId, roles, "mercato-identity", "mercato", Instant.now().plusSeconds(300)));
	}

	String expired(UUID userId) {
		return sign(this.keys,
				claims(userId, List.of("CUSTOMER"), "mercato-identity", "mercato", Instant.now().minusSeconds(600)));
	}

	String wrongAudience(UUID userId) {
		return sign(this.keys,
				claims(userId, List.of("CUSTOMER"), "mercato-identity", "other", Instant.now().plusSeconds(300)));
	}

	String wrongIssuer(UUID userId) {
		return sign(this.keys, claims(userId, List.of("CUSTOMER"), "evil", "mercato", Instant.now().plusSeconds(300)));
	}

	String signedWithAnotherKey(UUID userId) {
		return sign(generate(),
				claims(userId, List.of("ADMIN"), "mercato-identity", "mercato", Instant.now().plusSeconds(300)));
	}

	/** A token with {@code alg: none} and no signature, claiming ADMIN. */
	String unsigned(UUID userId) {
		JWTClaimsSet claims = claims(userId, List.of("ADMIN"), "mercato-identity", "mercato",
				Instant.now().plusSeconds(300));
		return new com.nimbusds.jwt.PlainJWT(claims).serialize();
	}

	private JWTClaimsSet claims(UUID userId, List<String> roles, String issuer, String audience, Instant expiry) {
		return new JWTClaimsSet.Builder().subject(userId.toString())
			.claim("email", "user@mercato.dev")
			.claim("roles", roles)
			.issuer(issuer)
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(expiry.minusSeconds(900)))
			.expirationTime(Date.from(expiry))
			.build();
	}

	private String sign(KeyPair keyPair, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.kid).build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keyPair.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
