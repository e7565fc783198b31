package dev.mercato.inventory;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the inventory tables directly, for assertions.
 */
public record InventoryDb(JdbcClient jdbc) {

	/**
	 * {@code [onHand, reserved]} of a product.
	 */
	public int[] levels(UUID productId) {
		return this.jdbc.sql("select on_hand, reserved from stocks where product_id = ?")
			.param(productId)
			.query((rs, row) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
	}

	/**
	 * {@code [sum of delta_on_hand, sum of delta_reserved]} of a product's movements.
	 */
	public int[] movementSums(UUID productId) {
		return this.jdbc
			.sql("select coalesce(sum(delta_on_hand), 0), coalesce(sum(delta_reserved), 0)"
					+ " from stock_movements where product_id = ?")
			.param(productId)
			.query((rs, row) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
	}

	/**
	 * Outbox rows of an event type about a subject.
	 */
	public long events(String type, Object subject) {
		return this.jdbc.sql("select count(*) from outbox where type = ? and subject = ?")
			.params(type, subject.toString())
			.query(Long.class)
			.single();
	}

	public String reservationStatus(UUID orderId) {
		return this.jdbc.sql("select status from reservations where order_id = ?")
			.param(orderId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

}
