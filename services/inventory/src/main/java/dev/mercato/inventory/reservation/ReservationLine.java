package dev.mercato.inventory.reservation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Units of one product in a reservation.
 *
 * @param productId the product
 * @param quantity units, positive
 */
public record ReservationLine(UUID productId, int quantity) {

	/**
	 * The order every transaction takes stock row locks in, so two reservations sharing
	 * products never wait for each other in a cycle.
	 */
	static final Comparator<ReservationLine> LOCK_ORDER = Comparator.comparing(ReservationLine::productId);

	public ReservationLine {
		if (productId == null) {
			throw new InvalidReservationException("A line needs a product id");
		}
		if (quantity < 1) {
			throw new InvalidReservationException("Quantity must be positive, was " + quantity + " for " + productId);
		}
	}

	/**
	 * Merges lines of the same product and sorts them in lock order.
	 * @param lines the requested lines
	 * @return one line per product, in lock order
	 */
	static List<ReservationLine> normalise(Collection<ReservationLine> lines) {
		Map<UUID, Integer> quantities = new LinkedHashMap<>();
		for (ReservationLine line : lines) {
			quantities.merge(line.productId(), line.quantity(), Math::addExact);
		}
		List<ReservationLine> merged = new ArrayList<>();
		quantities.forEach((product, quantity) -> merged.add(new ReservationLine(product, quantity)));
		merged.sort(LOCK_ORDER);
		return merged;
	}

}
