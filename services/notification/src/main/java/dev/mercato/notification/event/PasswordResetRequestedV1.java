package dev.mercato.notification.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;

/**
 * {@code mercato.user.password_reset_requested.v1} from identity. The token is a secret:
 * never logged.
 *
 * @param userId the user
 * @param email where the link goes
 * @param firstName first name
 * @param resetToken the single-use token
 * @param expiresAt when the token expires
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordResetRequestedV1(UUID userId, String email, String firstName, String resetToken,
		Instant expiresAt) {

	/** Consumed from {@code user.events}. */
	public static final EventType<PasswordResetRequestedV1> TYPE = new EventType<>("user.events",
			"mercato.user.password_reset_requested.v1", PasswordResetRequestedV1.class);

	@Override
	public String toString() {
		return "PasswordResetRequestedV1[userId=" + this.userId + ", expiresAt=" + this.expiresAt + "]";
	}

}
