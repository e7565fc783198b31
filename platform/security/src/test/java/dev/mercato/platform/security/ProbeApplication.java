package dev.mercato.platform.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
class ProbeApplication {

	@RestController
	static class ProbeController {

		@GetMapping("/api/me")
		String me(CurrentUser user) {
			return user.id() + " " + user.email() + " " + user.roles();
		}

		@GetMapping("/api/admin")
		@PreAuthorize("hasRole('ADMIN')")
		String admin() {
			return "ok";
		}

		@GetMapping("/api/open/hello")
		String open() {
			return "hello";
		}

	}

}
