package dev.mercato.identity.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A single-use password-reset token as stored: only the SHA-256 of the value mailed to
 * the user.
 */
@Entity
@Table(name = "password_reset_tokens")
class PasswordResetToken {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(name = "token_hash", nullable = false, unique = true)
	private String tokenHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	protected PasswordResetToken() {
		// for JPA
	}

	private PasswordResetToken(UUID userId, String tokenHash, Instant now, Duration ttl) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.expiresAt = now.plus(ttl);
	}

	static Issued issue(UUID userId, Instant now, Duration ttl) {
		String value = OpaqueTokens.generate();
		return new Issued(new PasswordResetToken(userId, OpaqueTokens.hash(value), now, ttl), value);
	}

	boolean isUsable(Instant now) {
		return this.usedAt == null && this.expiresAt.isAfter(now);
	}

	void markUsed(Instant now) {
		this.usedAt = now;
	}

	UUID getUserId() {
		return this.userId;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	/**
	 * A freshly issued token and the only copy of its clear value.
	 */
	record Issued(PasswordResetToken token, String value) {

		@Override
		public String toString() {
			return "Issued[" + this.token.id + "]";
		}

	}

}
