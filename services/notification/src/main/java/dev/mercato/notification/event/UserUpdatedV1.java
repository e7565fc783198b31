package dev.mercato.notification.event;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mercato.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * {@code mercato.user.updated.v1} from identity: the account's state after a change.
 *
 * @param userId the user
 * @param email the address
 * @param firstName first name
 * @param lastName last name
 * @param phone phone number or {@code null}
 * @param roles role names
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserUpdatedV1(UUID userId, String email, String firstName, String lastName, @Nullable String phone,
		List<String> roles) {

	/** Consumed from {@code user.events}. */
	public static final EventType<UserUpdatedV1> TYPE = new EventType<>("user.events", "mercato.user.updated.v1",
			UserUpdatedV1.class);

}
