package dev.mercato.identity.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A refresh token as stored: only the SHA-256 of the opaque value handed to the client.
 * {@code familyId} groups the tokens descended from one login so that reuse of a rotated
 * token can revoke them all.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int TOKEN_BYTES = 32;

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(name = "family_id", nullable = false)
	private UUID familyId;

	@Column(name = "token_hash", nullable = false, unique = true)
	private String tokenHash;

	@Column(name = "issued_at", nullable = false)
	private Instant issuedAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected RefreshToken() {
		// for JPA
	}

	private RefreshToken(UUID userId, UUID familyId, String tokenHash, Instant issuedAt, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.familyId = familyId;
		this.tokenHash = tokenHash;
		this.issuedAt = issuedAt;
		this.expiresAt = expiresAt;
	}

	/**
	 * Starts a new family (a login) and returns the stored token with its clear value.
	 */
	static Issued startFamily(UUID userId, Instant now, Duration ttl) {
		byte[] bytes = new byte[TOKEN_BYTES];
		RANDOM.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new Issued(new RefreshToken(userId, UUID.randomUUID(), hash(value), now, now.plus(ttl)), value);
	}

	static String hash(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no SHA-256", ex);
		}
	}

	UUID getUserId() {
		return this.userId;
	}

	UUID getFamilyId() {
		return this.familyId;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	/**
	 * A freshly issued token and the only copy of its clear value.
	 */
	record Issued(RefreshToken token, String value) {

		@Override
		public String toString() {
			return "Issued[" + this.token.id + "]";
		}

	}

}
