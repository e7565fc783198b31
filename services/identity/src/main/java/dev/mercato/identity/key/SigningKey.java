package dev.mercato.identity.key;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An RSA key pair that signs access tokens. Persisted so every instance and every restart
 * signs and verifies with the same keys. Exactly one key is {@code active} (signs new
 * tokens); keys that are not retired are still published in the JWKS so tokens they
 * signed stay verifiable during a rotation.
 */
@Entity
@Table(name = "signing_keys")
class SigningKey {

	private static final int KEY_SIZE = 2048;

	@Id
	private String kid;

	@Column(nullable = false)
	private String algorithm;

	/** X.509 SubjectPublicKeyInfo, DER, Base64 (the body of a PEM "PUBLIC KEY"). */
	@Column(name = "public_key", nullable = false)
	private String publicKey;

	/** PKCS#8, DER, Base64 (the body of a PEM "PRIVATE KEY"). */
	@Column(name = "private_key", nullable = false)
	private String privateKey;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "retired_at")
	private Instant retiredAt;

	@Column(name = "deactivated_at")
	private Instant deactivatedAt;

	protected SigningKey() {
		// for JPA
	}

	private SigningKey(KeyPair pair, Instant now) {
		this.kid = UUID.randomUUID().toString();
		this.algorithm = JWSAlgorithm.RS256.getName();
		this.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
		this.privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
		this.active = true;
		this.createdAt = now;
	}

	static SigningKey generate(Instant now) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE);
			return new SigningKey(generator.generateKeyPair(), now);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no RSA key generator", ex);
		}
	}

	String getKid() {
		return this.kid;
	}

	boolean isActive() {
		return this.active;
	}

	/**
	 * Whether this is the active key and was created at or before {@code cutoff}.
	 */
	boolean isActiveAndCreatedBefore(Instant cutoff) {
		return this.active && !this.createdAt.isAfter(cutoff);
	}

	/**
	 * Whether this key stopped signing at or before {@code cutoff} and is still
	 * published.
	 */
	boolean isInactiveSince(Instant cutoff) {
		return !this.active && this.retiredAt == null && this.deactivatedAt != null
				&& !this.deactivatedAt.isAfter(cutoff);
	}

	/** Stops signing with this key; it still verifies until retired. */
	void deactivate(Instant now) {
		this.active = false;
		this.deactivatedAt = now;
	}

	/** Removes this key from the JWKS: tokens it signed no longer verify. */
	void retire(Instant now) {
		this.retiredAt = now;
	}

	/**
	 * The key pair as a JWK (private part included: never publish it as is).
	 */
	RSAKey toJwk() {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPublicKey rsaPublic = (RSAPublicKey) factory
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(this.publicKey)));
			RSAPrivateKey rsaPrivate = (RSAPrivateKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(this.privateKey)));
			return new RSAKey.Builder(rsaPublic).privateKey(rsaPrivate)
				.keyID(this.kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.parse(this.algorithm))
				.issueTime(java.util.Date.from(this.createdAt))
				.build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("Stored signing key " + this.kid + " cannot be decoded", ex);
		}
	}

}
