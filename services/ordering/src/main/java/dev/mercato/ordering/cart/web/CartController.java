package dev.mercato.ordering.cart.web;

import java.util.UUID;

import dev.mercato.ordering.cart.CartService;
import dev.mercato.ordering.cart.CartView;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cart")
class CartController {

	private final CartService cart;

	CartController(CartService cart) {
		this.cart = cart;
	}

	@GetMapping
	CartView get(CurrentUser user) {
		return this.cart.view(user.id());
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear(CurrentUser user) {
		this.cart.clear(user.id());
	}

	@PostMapping("/items")
	@ResponseStatus(HttpStatus.CREATED)
	CartView add(CurrentUser user, @Valid @RequestBody AddItem body) {
		this.cart.add(user.id(), body.productId(), body.quantity());
		return this.cart.view(user.id());
	}

	@PutMapping("/items/{productId}")
	CartView set(CurrentUser user, @PathVariable UUID productId, @Valid @RequestBody SetQuantity body) {
		this.cart.setQuantity(user.id(), productId, body.quantity());
		return this.cart.view(user.id());
	}

	@DeleteMapping("/items/{productId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(CurrentUser user, @PathVariable UUID productId) {
		this.cart.remove(user.id(), productId);
	}

	record AddItem(@NotNull UUID productId, @NotNull Integer quantity) {

	}

	record SetQuantity(@NotNull Integer quantity) {

	}

}
