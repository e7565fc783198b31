package dev.mercato.identity.user.web;

import java.util.List;
import java.util.UUID;

import dev.mercato.identity.user.Role;
import dev.mercato.identity.user.User;

record UserResponse(UUID id, String email, String firstName, String lastName, List<String> roles) {

	static UserResponse of(User user) {
		return new UserResponse(user.getId(), user.getEmail().value(), user.getFirstName(), user.getLastName(),
				user.getRoles().stream().map(Role::name).sorted().toList());
	}

}
