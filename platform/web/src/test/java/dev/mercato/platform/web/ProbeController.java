package dev.mercato.platform.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

record Widget(@NotBlank String name, @Min(1) int quantity) {
}

@RestController
class ProbeController {

	@GetMapping("/probe/not-found")
	void notFound() {
		throw new NotFoundException("WIDGET_NOT_FOUND", "No widget 7");
	}

	@GetMapping("/probe/conflict")
	void conflict() {
		throw new ConflictException("DUPLICATE", "Exists");
	}

	@GetMapping("/probe/rule")
	void rule() {
		throw new BusinessRuleException("RULE", "Refused");
	}

	@GetMapping("/probe/down")
	void down() {
		throw new DependencyUnavailableException("DOWN", "Inventory is down");
	}

	@GetMapping("/probe/slow-down")
	void slowDown() {
		throw new TooManyRequestsException("SLOW_DOWN", "Wait", Duration.ofSeconds(30));
	}

	@GetMapping("/probe/boom")
	void boom() {
		throw new IllegalStateException("secret internals");
	}

	@GetMapping("/probe/items/{id}")
	String item(@PathVariable long id) {
		return "item " + id;
	}

	@PostMapping("/probe/widgets")
	Widget create(@Valid @RequestBody Widget widget) {
		return widget;
	}

}
