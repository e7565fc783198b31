package dev.mercato.identity.user;

import java.util.List;
import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.user.updated.v1} on the {@code user.events} exchange: the
 * account's state after a profile or role change.
 *
 * @param userId the user's id (also the CloudEvents subject)
 * @param email the normalised e-mail
 * @param firstName first name
 * @param lastName last name
 * @param phone phone number or {@code null}
 * @param roles role names after the change
 * @param changes what changed: {@code profile} and/or {@code roles}
 */
public record UserUpdatedV1(UUID userId, String email, String firstName, String lastName, String phone,
		List<String> roles, List<String> changes) {

	/** Published to {@code user.events} with routing key {@code user.updated}. */
	public static final EventType<UserUpdatedV1> TYPE = new EventType<>("user.events", "mercato.user.updated.v1",
			UserUpdatedV1.class);

	static UserUpdatedV1 of(User user, String change) {
		return new UserUpdatedV1(user.getId(), user.getEmail().value(), user.getFirstName(), user.getLastName(),
				user.getPhone(), user.getRoles().stream().map(Role::name).sorted().toList(), List.of(change));
	}

}
