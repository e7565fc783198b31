package dev.mercato.ordering.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.ordering.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of orders: one SQL statement for an order with its lines, and one for a
 * page of orders with their lines and the total count ({@code count(*) over ()} before
 * the limit), so neither read issues a query per order.
 */
@Component
public class OrderQueries {

	private static final String COLUMNS = """
			o.id, o.user_id, o.status, o.currency, o.total_amount, o.ship_name, o.ship_line1, o.ship_line2,
			o.ship_city, o.ship_postal_code, o.ship_country, o.cancellation_reason, o.payment_id, o.carrier,
			o.tracking_number, o.created_at, o.updated_at,
			i.line_no, i.product_id, i.sku, i.name, i.quantity, i.unit_price""";

	private final JdbcClient jdbc;

	OrderQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One order with its lines.
	 * @param id the order
	 * @return the order
	 */
	@Transactional(readOnly = true)
	public Optional<OrderView> find(UUID id) {
		Map<UUID, Builder> orders = new LinkedHashMap<>();
		this.jdbc
			.sql("select " + COLUMNS
					+ " from orders o left join order_items i on i.order_id = o.id where o.id = ? order by i.line_no")
			.param(id)
			.query((ResultSet rs) -> {
				collect(rs, orders);
			});
		return orders.values().stream().findFirst().map(Builder::build);
	}

	/**
	 * A page of orders, newest first, with their lines.
	 * @param userId only this customer's orders, or {@code null} for all
	 * @param status only this status, or {@code null}
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public OrderPage page(UUID userId, OrderStatus status, int page, int size) {
		StringBuilder where = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (userId != null) {
			where.append(" and user_id = :user");
			params.put("user", userId);
		}
		if (status != null) {
			where.append(" and status = :status");
			params.put("status", status.name());
		}
		params.put("limit", size);
		params.put("offset", (long) page * size);
		Map<UUID, Builder> orders = new LinkedHashMap<>();
		long[] total = { -1 };
		this.jdbc.sql("""
				with page as (
				  select o.*, count(*) over () as total_count from orders o
				   where %s
				   order by o.created_at desc, o.id desc
				   limit :limit offset :offset)
				select o.total_count, %s
				  from page o left join order_items i on i.order_id = o.id
				 order by o.created_at desc, o.id desc, i.line_no
				""".formatted(where, COLUMNS)).params(params).query((ResultSet rs) -> {
			total[0] = rs.getLong("total_count");
			collect(rs, orders);
		});
		long count = total[0];
		if (count < 0) {
			// past the last page: the window saw no row, so count separately
			params.remove("limit");
			params.remove("offset");
			count = this.jdbc.sql("select count(*) from orders where " + where)
				.params(params)
				.query(Long.class)
				.single();
		}
		return new OrderPage(orders.values().stream().map(Builder::build).toList(), page, size, count);
	}

	private static void collect(ResultSet rs, Map<UUID, Builder> orders) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Builder order = orders.get(id);
		if (order == null) {
			order = new Builder(rs);
			orders.put(id, order);
		}
		UUID productId = rs.getObject("product_id", UUID.class);
		if (productId != null) {
			Money unit = money(rs.getBigDecimal("unit_price"), order.currency);
			int quantity = rs.getInt("quantity");
			order.items.add(new OrderView.Item(productId, rs.getString("sku"), rs.getString("name"), unit.json(),
					quantity, unit.times(quantity).json()));
		}
	}

	private static Money money(BigDecimal amount, String currency) {
		return new Money(amount.setScale(Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0),
				RoundingMode.UNNECESSARY), currency);
	}

	private static final class Builder {

		private final UUID id;

		private final UUID userId;

		private final OrderStatus status;

		private final String currency;

		private final Money total;

		private final ShippingAddress address;

		private final CancellationReason reason;

		private final String paymentId;

		private final String carrier;

		private final String trackingNumber;

		private final Timestamp createdAt;

		private final Timestamp updatedAt;

		private final List<OrderView.Item> items = new ArrayList<>();

		Builder(ResultSet rs) throws SQLException {
			this.id = rs.getObject("id", UUID.class);
			this.userId = rs.getObject("user_id", UUID.class);
			this.status = OrderStatus.valueOf(rs.getString("status"));
			this.currency = rs.getString("currency");
			this.total = money(rs.getBigDecimal("total_amount"), this.currency);
			this.address = new ShippingAddress(rs.getString("ship_name"), rs.getString("ship_line1"),
					rs.getString("ship_line2"), rs.getString("ship_city"), rs.getString("ship_postal_code"),
					rs.getString("ship_country"));
			String reason = rs.getString("cancellation_reason");
			this.reason = (reason != null) ? CancellationReason.valueOf(reason) : null;
			this.paymentId = rs.getString("payment_id");
			this.carrier = rs.getString("carrier");
			this.trackingNumber = rs.getString("tracking_number");
			this.createdAt = rs.getTimestamp("created_at");
			this.updatedAt = rs.getTimestamp("updated_at");
		}

		OrderView build() {
			return new OrderView(this.id, this.userId, this.status, List.copyOf(this.items), this.total.json(),
					this.address, this.reason, this.paymentId, this.carrier, this.trackingNumber,
					this.createdAt.toInstant(), this.updatedAt.toInstant());
		}

	}

}
