package dev.mercato.identity.user.web;

import java.util.UUID;

import dev.mercato.identity.user.UserService;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
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

	@PatchMapping("/api/users/me")
	ProfileResponse updateMe(CurrentUser currentUser, @Valid @RequestBody ProfilePatchRequest request) {
		return ProfileResponse.of(this.users.updateProfile(currentUser.id(), request.toUpdate()));
	}

	// Non-admins read only their own profile (/me): there is no path to anybody else's.
	@GetMapping("/api/users")
	@PreAuthorize("hasRole('ADMIN')")
	UserPage list(@RequestParam(required = false) @Size(max = 254) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return UserPage.of(this.users.list(q, page, size));
	}

	@GetMapping("/api/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ProfileResponse get(@PathVariable UUID id) {
		return ProfileResponse.of(this.users.get(id));
	}

	@PutMapping("/api/users/{id}/roles")
	@PreAuthorize("hasRole('ADMIN')")
	ProfileResponse changeRoles(CurrentUser currentUser, @PathVariable UUID id,
			@Valid @RequestBody RolesRequest request) {
		return ProfileResponse.of(this.users.changeRoles(currentUser.id(), id, request.roles()));
	}

}
