package dev.mercato.identity.user.web;

import java.util.Optional;

import dev.mercato.identity.user.ProfileUpdate;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/users/me}. {@code email} and {@code roles} are declared only
 * to refuse them with a field error: silently ignoring a role in a request would hide an
 * escalation attempt, and the e-mail is the login name.
 */
record ProfilePatchRequest(
		@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String firstName,
		@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String lastName,
		@Pattern(regexp = "^$|^\\+?[0-9 ()-]{5,30}$", message = "must be a phone number") String phone,
		@Null(message = "cannot be changed here") Object email,
		@Null(message = "can only be changed by an administrator") Object roles) {

	ProfileUpdate toUpdate() {
		return new ProfileUpdate(Optional.ofNullable(this.firstName).map(String::strip),
				Optional.ofNullable(this.lastName).map(String::strip),
				Optional.ofNullable(this.phone).map(String::strip));
	}

}
