package dev.mercato.inventory.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code stocks} and {@code stock_movements} tables. Every method that changes a
 * level returns the levels after the change, read in the same statement
 * ({@code returning}), so callers see exactly what their own update produced.
 */
@Repository
public class Stocks {

	private static final String LEVEL_COLUMNS = "product_id, seller_id, on_hand, reserved, low_stock_threshold";

	private final JdbcClient jdbc;

	Stocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the stock row unless it exists.
	 * @return whether a row was created
	 */
	boolean createIfAbsent(UUID productId, UUID sellerId, int onHand, int threshold, Instant now) {
		return this.jdbc
			.sql("""
					insert into stocks (product_id, seller_id, on_hand, reserved, low_stock_threshold, created_at, updated_at)
					values (?, ?, ?, 0, ?, ?, ?) on conflict (product_id) do nothing""")
			.params(productId, sellerId, onHand, threshold, utc(now), utc(now))
			.update() == 1;
	}

	/**
	 * The current levels.
	 * @param productId the product
	 * @return the levels, or empty when the product has no stock row
	 */
	public Optional<StockLevel> find(UUID productId) {
		return this.jdbc.sql("select " + LEVEL_COLUMNS + " from stocks where product_id = ?")
			.param(productId)
			.query(Stocks::level)
			.optional();
	}

	/**
	 * The levels, locking the row until the transaction ends.
	 * @param productId the product
	 * @return the levels, or empty when the product has no stock row
	 */
	public Optional<StockLevel> lock(UUID productId) {
		return this.jdbc.sql("select " + LEVEL_COLUMNS + " from stocks where product_id = ? for update")
			.param(productId)
			.query(Stocks::level)
			.optional();
	}

	/**
	 * Reserves units only if that many are available, in one statement: the row lock the
	 * update takes makes the check and the change atomic.
	 * @param productId the product
	 * @param quantity units, positive
	 * @param now the time
	 * @return the levels after, or empty when fewer units are available (or no row)
	 */
	public Optional<StockLevel> reserveIfAvailable(UUID productId, int quantity, Instant now) {
		return this.jdbc
			.sql("update stocks set reserved = reserved + ?, version = version + 1, updated_at = ?"
					+ " where product_id = ? and on_hand - reserved >= ? returning " + LEVEL_COLUMNS)
			.params(quantity, utc(now), productId, quantity)
			.query(Stocks::level)
			.optional();
	}

	/**
	 * Changes the levels unconditionally; the table's checks still refuse negative levels
	 * and more reserved than on hand.
	 * @param productId the product
	 * @param deltaOnHand change of on hand
	 * @param deltaReserved change of reserved
	 * @param now the time
	 * @return the levels after
	 */
	public StockLevel change(UUID productId, int deltaOnHand, int deltaReserved, Instant now) {
		return this.jdbc
			.sql("update stocks set on_hand = on_hand + ?, reserved = reserved + ?, version = version + 1,"
					+ " updated_at = ? where product_id = ? returning " + LEVEL_COLUMNS)
			.params(deltaOnHand, deltaReserved, utc(now), productId)
			.query(Stocks::level)
			.single();
	}

	/**
	 * Changes on-hand stock unless that would leave less on hand than reserved.
	 * @return the levels after, or empty when the change was refused (or no row)
	 */
	Optional<StockLevel> adjustOnHand(UUID productId, int delta, Instant now) {
		return this.jdbc
			.sql("update stocks set on_hand = on_hand + ?, version = version + 1, updated_at = ?"
					+ " where product_id = ? and on_hand + ? >= reserved returning " + LEVEL_COLUMNS)
			.params(delta, utc(now), productId, delta)
			.query(Stocks::level)
			.optional();
	}

	/**
	 * Products whose available stock is at or under their threshold, least available
	 * first.
	 */
	List<StockLevel> low(int limit) {
		return this.jdbc
			.sql("select " + LEVEL_COLUMNS + " from stocks where on_hand - reserved <= low_stock_threshold"
					+ " order by on_hand - reserved, product_id limit ?")
			.param(limit)
			.query(Stocks::level)
			.list();
	}

	/**
	 * Appends one movement.
	 */
	public void record(UUID productId, int deltaOnHand, int deltaReserved, Movement.Reason reason,
			@Nullable String reference, @Nullable String note, String actor, Instant at) {
		this.jdbc
			.sql("""
					insert into stock_movements (product_id, delta_on_hand, delta_reserved, reason, reference, note, actor, at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productId, deltaOnHand, deltaReserved, reason.name(), reference, note, actor, utc(at))
			.update();
	}

	/**
	 * The newest movements of a product, newest first.
	 */
	List<Movement> movements(UUID productId, int limit) {
		return this.jdbc.sql("""
				select id, product_id, delta_on_hand, delta_reserved, reason, reference, note, actor, at
				from stock_movements where product_id = ? order by id desc limit ?""")
			.params(productId, limit)
			.query((rs, row) -> new Movement(rs.getLong("id"), rs.getObject("product_id", UUID.class),
					rs.getInt("delta_on_hand"), rs.getInt("delta_reserved"),
					Movement.Reason.valueOf(rs.getString("reason")), rs.getString("reference"), rs.getString("note"),
					rs.getString("actor"), rs.getObject("at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private static StockLevel level(ResultSet rs, int row) throws SQLException {
		return new StockLevel(rs.getObject("product_id", UUID.class), rs.getObject("seller_id", UUID.class),
				rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("low_stock_threshold"));
	}

	/**
	 * An instant as the driver binds it to {@code timestamptz}.
	 * @param instant the instant
	 * @return the same instant at UTC
	 */
	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
