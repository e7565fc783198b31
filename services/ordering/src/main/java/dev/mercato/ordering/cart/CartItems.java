package dev.mercato.ordering.cart;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code cart_items} table: one row per (user, product); and the cart's version in
 * {@code carts}, advanced by every change (callers run in a transaction).
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

	/**
	 * The cart's version: 0 until its first change.
	 */
	long version(UUID userId) {
		return this.jdbc.sql("select version from carts where user_id = ?")
			.param(userId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	void advanceVersion(UUID userId) {
		this.jdbc.sql("""
				insert into carts (user_id, version) values (?, 1)
				on conflict (user_id) do update set version = carts.version + 1
				""").param(userId).update();
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

	/**
	 * Claims a version of the cart for an order (in the order's insert transaction).
	 * @return the order now holding the version: {@code orderId} when the claim is this
	 * order's, or was held by a cancelled order; another order's id otherwise
	 */
	UUID claimForOrder(UUID userId, long version, UUID orderId) {
		return this.jdbc.sql("""
				insert into cart_checkouts (user_id, cart_version, order_id) values (:user, :version, :order)
				on conflict (user_id, cart_version) do update set order_id = excluded.order_id
				 where (select status from orders where id = cart_checkouts.order_id) = 'CANCELLED'
				returning order_id
				""")
			.param("user", userId)
			.param("version", version)
			.param("order", orderId)
			.query(UUID.class)
			.optional()
			.orElseGet(() -> this.jdbc.sql("select order_id from cart_checkouts where user_id = ? and cart_version = ?")
				.params(userId, version)
				.query(UUID.class)
				.single());
	}

}
