package dev.mercato.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a reservation request.
 *
 * @param reserved whether every line is held
 * @param unavailableProductIds the products short of stock (when not reserved)
 * @param expiresAt when the reservation expires (when reserved)
 */
public record ReserveResult(boolean reserved, List<UUID> unavailableProductIds, @Nullable Instant expiresAt) {

	static ReserveResult reserved(Instant expiresAt) {
		return new ReserveResult(true, List.of(), expiresAt);
	}

	static ReserveResult outOfStock(List<UUID> products) {
		return new ReserveResult(false, List.copyOf(products), null);
	}

}
