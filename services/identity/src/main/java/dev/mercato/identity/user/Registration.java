package dev.mercato.identity.user;

import java.util.Set;

/**
 * What it takes to create an account.
 *
 * @param email the e-mail, already validated
 * @param password the raw password (hashed before it is stored, never logged)
 * @param firstName first name
 * @param lastName last name
 * @param phone phone number or {@code null}
 * @param roles the roles to grant
 */
public record Registration(Email email, String password, String firstName, String lastName, String phone,
		Set<Role> roles) {

	public Registration {
		if (!PasswordPolicy.isAcceptable(password)) {
			throw new IllegalArgumentException("Password " + PasswordPolicy.DESCRIPTION);
		}
		roles = Set.copyOf(roles);
	}

	@Override
	public String toString() {
		return "Registration[email=" + this.email + ", roles=" + this.roles + "]";
	}

}
