package dev.mercato.identity.auth.web;

import jakarta.validation.constraints.Size;

record LogoutRequest(@Size(max = 200) String refreshToken) {

	@Override
	public String toString() {
		return "LogoutRequest[]";
	}

}
