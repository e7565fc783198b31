package dev.mercato.notification.event;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;

/**
 * {@code mercato.user.created.v1} from identity.
 *
 * @param userId the new user
 * @param email the address
 * @param firstName first name
 * @param lastName last name
 * @param roles role names
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserCreatedV1(UUID userId, String email, String firstName, String lastName, List<String> roles) {

	/** Consumed from {@code user.events}. */
	public static final EventType<UserCreatedV1> TYPE = new EventType<>("user.events", "mercato.user.created.v1",
			UserCreatedV1.class);

}
