package dev.mercato.ordering.checkout;

import java.util.List;
import java.util.UUID;

import dev.mercato.ordering.order.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/orders}: where to ship, how to pay, and optionally the lines (without
 * them, the cart is ordered).
 *
 * @param shippingAddress where to ship
 * @param payment a saved method or a one-time token
 * @param items lines, or {@code null} for the cart
 */
public record CheckoutRequest(@NotNull @Valid ShippingAddress shippingAddress, @NotNull @Valid Payment payment,
		@Size(min = 1, max = 50) List<@NotNull @Valid Item> items) {

	/**
	 * How to pay: exactly one of both.
	 *
	 * @param methodId saved payment method
	 * @param token one-time provider token
	 */
	public record Payment(@Size(max = 100) String methodId, @Size(max = 200) String token) {

		@AssertTrue(message = "exactly one of methodId and token is required")
		boolean isExactlyOne() {
			return (methodId != null && !methodId.isBlank()) != (token != null && !token.isBlank());
		}

	}

	/**
	 * A line given in the request.
	 *
	 * @param productId product
	 * @param quantity quantity
	 */
	public record Item(@NotNull UUID productId, @NotNull @Min(1) @Max(99) Integer quantity) {

	}

}
