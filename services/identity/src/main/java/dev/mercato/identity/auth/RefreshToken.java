package dev.mercato.identity.auth;

import java.time.Duration;
import java.time.Instant;
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

	@Column(name = "used_at")
	private Instant usedAt;

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
		return issue(userId, UUID.randomUUID(), now, ttl);
	}

	private static Issued issue(UUID userId, UUID familyId, Instant now, Duration ttl) {
		String value = OpaqueTokens.generate();
		return new Issued(new RefreshToken(userId, familyId, OpaqueTokens.hash(value), now, now.plus(ttl)), value);
	}

	/**
	 * Uses this token up and returns its successor in the same family.
	 */
	Issued rotate(Instant now, Duration ttl) {
		this.usedAt = now;
		return issue(this.userId, this.familyId, now, ttl);
	}

	/**
	 * Whether this token was already exchanged or revoked: presenting it now means it
	 * leaked (or a client replayed it), so its family must go.
	 */
	boolean isSpent() {
		return this.usedAt != null || this.revokedAt != null;
	}

	boolean isExpired(Instant now) {
		return !this.expiresAt.isAfter(now);
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
