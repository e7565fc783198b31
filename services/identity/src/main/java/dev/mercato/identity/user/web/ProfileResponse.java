package dev.mercato.identity.user.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.identity.user.Role;
import dev.mercato.identity.user.User;

record ProfileResponse(UUID id, String email, String firstName, String lastName, String phone, List<String> roles,
		Instant createdAt) {

	static ProfileResponse of(User user) {
		return new ProfileResponse(user.getId(), user.getEmail().value(), user.getFirstName(), user.getLastName(),
				user.getPhone(), user.getRoles().stream().map(Role::name).sorted().toList(), user.getCreatedAt());
	}

}
