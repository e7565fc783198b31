package dev.mercato.ordering.checkout.web;

import java.util.UUID;

import dev.mercato.ordering.checkout.CheckoutRequest;
import dev.mercato.ordering.checkout.CheckoutResult;
import dev.mercato.ordering.checkout.CheckoutSaga;
import dev.mercato.ordering.checkout.CheckoutService;
import dev.mercato.ordering.order.OrderService;
import dev.mercato.ordering.order.OrderView;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
class CheckoutController {

	private final CheckoutService checkout;

	private final CheckoutSaga saga;

	private final OrderService orders;

	CheckoutController(CheckoutService checkout, CheckoutSaga saga, OrderService orders) {
		this.checkout = checkout;
		this.saga = saga;
		this.orders = orders;
	}

	// 201 with the final order (CONFIRMED, or CANCELLED with its reason); 202 with the
	// PENDING order when a participant is unavailable and the saga finishes later
	@PostMapping("/api/orders")
	ResponseEntity<OrderView> place(CurrentUser user, @Valid @RequestBody CheckoutRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		CheckoutResult result = this.checkout.checkout(user, request, idempotencyKey);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(result.order().id())
			.toUri();
		return ResponseEntity.status(result.settled() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
			.location(location)
			.body(result.order());
	}

	// owner before shipping, or an admin: the saga releases the stock and refunds, then
	// CANCELLED (here, not in the order feature's controller: order must not depend on
	// checkout)
	@PostMapping("/api/orders/{id}/cancel")
	OrderView cancel(CurrentUser user, @PathVariable UUID id) {
		this.saga.cancel(user, id);
		return this.orders.get(user, id);
	}

}
