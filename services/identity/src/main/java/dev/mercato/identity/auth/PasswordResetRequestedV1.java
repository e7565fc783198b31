package dev.mercato.identity.auth;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.user.password_reset_requested.v1} on {@code user.events}: the
 * notification service mails the token to the user. It carries a secret, so consumers
 * must not log it.
 *
 * @param userId the account's id (also the CloudEvents subject)
 * @param email where to send it
 * @param firstName for the greeting
 * @param resetToken the single-use token to put in the link
 * @param expiresAt when the token stops working
 */
public record PasswordResetRequestedV1(UUID userId, String email, String firstName, String resetToken,
		Instant expiresAt) {

	/**
	 * Published to {@code user.events} with routing key
	 * {@code user.password_reset_requested}.
	 */
	public static final EventType<PasswordResetRequestedV1> TYPE = new EventType<>("user.events",
			"mercato.user.password_reset_requested.v1", PasswordResetRequestedV1.class);

	@Override
	public String toString() {
		return "PasswordResetRequestedV1[userId=" + this.userId + ", expiresAt=" + this.expiresAt + "]";
	}

}
