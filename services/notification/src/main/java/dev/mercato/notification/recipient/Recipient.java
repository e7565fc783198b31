package dev.mercato.notification.recipient;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the notification service knows of a user, replicated from identity's events.
 *
 * @param userId the user
 * @param email the email address
 * @param firstName the first name, for greetings
 * @param lastName the last name, or {@code null}
 * @param phone the phone number in E.164, or {@code null}
 * @param roles role names, e.g. {@code ADMIN}
 */
public record Recipient(UUID userId, String email, String firstName, @Nullable String lastName, @Nullable String phone,
		Set<String> roles) {

	public Recipient {
		roles = Set.copyOf(roles);
	}

	/**
	 * Whether the user is an administrator.
	 * @return whether the user has role {@code ADMIN}
	 */
	public boolean isAdmin() {
		return this.roles.contains("ADMIN");
	}

}
