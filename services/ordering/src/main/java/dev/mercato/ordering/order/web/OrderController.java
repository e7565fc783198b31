package dev.mercato.ordering.order.web;

import java.util.UUID;

import dev.mercato.ordering.order.OrderPage;
import dev.mercato.ordering.order.OrderService;
import dev.mercato.ordering.order.OrderStatus;
import dev.mercato.ordering.order.OrderView;
import dev.mercato.platform.security.CurrentUser;
import dev.mercato.platform.web.ForbiddenException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/orders")
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@GetMapping
	OrderPage list(CurrentUser user, @RequestParam(required = false) OrderStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.orders.list(user, status, page, size);
	}

	@GetMapping("/{id}")
	OrderView get(CurrentUser user, @PathVariable UUID id) {
		return this.orders.get(user, id);
	}

	@PostMapping("/{id}/ship")
	OrderView ship(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Shipment body) {
		requireAdmin(user);
		return this.orders.ship(id, body.carrier().strip(), body.trackingNumber().strip());
	}

	@PostMapping("/{id}/deliver")
	OrderView deliver(CurrentUser user, @PathVariable UUID id) {
		requireAdmin(user);
		return this.orders.deliver(id);
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new ForbiddenException("ADMIN_ONLY", "Only an administrator can do this");
		}
	}

	record Shipment(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {

	}

}
