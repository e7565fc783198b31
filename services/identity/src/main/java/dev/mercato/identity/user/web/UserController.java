package dev.mercato.identity.user.web;

import dev.mercato.identity.user.UserService;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	// Two seeds name different paths for the same operation; both are part of the API.
	@PostMapping({ "/api/auth/register", "/api/users/register" })
	@ResponseStatus(HttpStatus.CREATED)
	UserResponse register(@Valid @RequestBody RegisterRequest request) {
		return UserResponse.of(this.users.register(request.toRegistration()));
	}

	@GetMapping("/api/users/me")
	ProfileResponse me(CurrentUser currentUser) {
		return ProfileResponse.of(this.users.get(currentUser.id()));
	}

}
