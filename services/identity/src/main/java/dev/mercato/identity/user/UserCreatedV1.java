package dev.mercato.identity.user;

import java.util.List;
import java.util.UUID;

import dev.mercato.platform.events.EventType;

/**
 * Payload of {@code mercato.user.created.v1} on the {@code user.events} exchange.
 *
 * @param userId the new user's id (also the CloudEvents subject)
 * @param email the normalised e-mail
 * @param firstName first name
 * @param lastName last name
 * @param roles role names, e.g. {@code ["CUSTOMER"]}
 */
public record UserCreatedV1(UUID userId, String email, String firstName, String lastName, List<String> roles) {

	/** Published to {@code user.events} with routing key {@code user.created}. */
	public static final EventType<UserCreatedV1> TYPE = new EventType<>("user.events", "mercato.user.created.v1",
			UserCreatedV1.class);

	static UserCreatedV1 of(User user) {
		return new UserCreatedV1(user.getId(), user.getEmail().value(), user.getFirstName(), user.getLastName(),
				user.getRoles().stream().map(Role::name).sorted().toList());
	}

}
