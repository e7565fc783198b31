package dev.mercato.ordering.cart;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code cart_items} table: one row per (user, product).
 */
@Repository
class CartItems {

	private final JdbcClient jdbc;

	CartItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CartLine> of(UUID userId) {
		return this.jdbc
			.sql("select product_id, quantity from cart_items where user_id = ? order by added_at, product_id")
			.param(userId)
			.query((rs, n) -> new CartLine(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
	}

	int count(UUID userId) {
		return this.jdbc.sql("select count(*) from cart_items where user_id = ?")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Adds to the line (creating it), unless the result would exceed the maximum.
	 * @return the new quantity, or empty when it would exceed {@code max}
	 */
	Optional<Integer> add(UUID userId, UUID productId, int quantity, int max, Instant now) {
		return this.jdbc.sql("""
				insert into cart_items (user_id, product_id, quantity, added_at, updated_at)
				values (:user, :product, :quantity, :now, :now)
				on conflict (user_id, product_id) do update
				   set quantity = cart_items.quantity + excluded.quantity, updated_at = excluded.updated_at
				 where cart_items.quantity + excluded.quantity <= :max
				returning quantity
				""")
			.param("user", userId)
			.param("product", productId)
			.param("quantity", quantity)
			.param("now", java.sql.Timestamp.from(now))
			.param("max", max)
			.query(Integer.class)
			.optional();
	}

	boolean set(UUID userId, UUID productId, int quantity, Instant now) {
		return this.jdbc.sql("update cart_items set quantity = ?, updated_at = ? where user_id = ? and product_id = ?")
			.params(quantity, java.sql.Timestamp.from(now), userId, productId)
			.update() == 1;
	}

	boolean remove(UUID userId, UUID productId) {
		return this.jdbc.sql("delete from cart_items where user_id = ? and product_id = ?")
			.params(userId, productId)
			.update() == 1;
	}

	int clear(UUID userId) {
		return this.jdbc.sql("delete from cart_items where user_id = ?").param(userId).update();
	}

	int removeProducts(UUID userId, Collection<UUID> productIds) {
		if (productIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("delete from cart_items where user_id = :user and product_id in (:products)")
			.param("user", userId)
			.param("products", List.copyOf(productIds))
			.update();
	}

}
