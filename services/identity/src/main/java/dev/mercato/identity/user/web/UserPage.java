package dev.mercato.identity.user.web;

import java.util.List;

import dev.mercato.identity.user.User;

import org.springframework.data.domain.Page;

record UserPage(List<ProfileResponse> items, int page, int size, long total) {

	static UserPage of(Page<User> page) {
		return new UserPage(page.getContent().stream().map(ProfileResponse::of).toList(), page.getNumber(),
				page.getSize(), page.getTotalElements());
	}

}
