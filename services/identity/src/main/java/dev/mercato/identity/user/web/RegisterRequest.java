package dev.mercato.identity.user.web;

import java.util.Set;

import dev.mercato.identity.user.Email;
import dev.mercato.identity.user.Registration;
import dev.mercato.identity.user.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record RegisterRequest(@NotBlank @ValidEmail String email, @ValidPassword String password,
		@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
		@Pattern(regexp = "^\\+?[0-9 ()-]{5,30}$", message = "must be a phone number") String phone) {

	Registration toRegistration() {
		return new Registration(Email.of(this.email), this.password, this.firstName.strip(), this.lastName.strip(),
				(this.phone == null || this.phone.isBlank()) ? null : this.phone.strip(), Set.of(Role.CUSTOMER));
	}

	@Override
	public String toString() {
		return "RegisterRequest[email=" + this.email + "]";
	}

}
