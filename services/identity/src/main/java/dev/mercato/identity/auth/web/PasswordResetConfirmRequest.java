package dev.mercato.identity.auth.web;

import dev.mercato.identity.user.web.ValidPassword;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordResetConfirmRequest(@NotBlank @Size(max = 200) String token, @ValidPassword String newPassword) {

	@Override
	public String toString() {
		return "PasswordResetConfirmRequest[]";
	}

}
