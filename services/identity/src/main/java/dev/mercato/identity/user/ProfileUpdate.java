package dev.mercato.identity.user;

import java.util.Optional;

/**
 * A partial profile change: an empty field stays as it is. An empty phone string removes
 * the phone number.
 *
 * @param firstName new first name
 * @param lastName new last name
 * @param phone new phone number, or {@code ""} to remove it
 */
public record ProfileUpdate(Optional<String> firstName, Optional<String> lastName, Optional<String> phone) {

	/**
	 * Whether the update changes nothing.
	 * @return {@code true} when every field is empty
	 */
	public boolean isEmpty() {
		return this.firstName.isEmpty() && this.lastName.isEmpty() && this.phone.isEmpty();
	}

}
