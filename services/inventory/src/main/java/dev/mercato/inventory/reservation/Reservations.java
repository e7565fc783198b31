package dev.mercato.inventory.reservation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.inventory.stock.Stocks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code reservations} and {@code reservation_lines} tables.
 */
@Repository
class Reservations {

	private final JdbcClient jdbc;

	Reservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a {@code RESERVED} row unless the order has one. A concurrent call for the
	 * same order waits on the primary key until the first one's transaction ends.
	 * @return whether this call created it
	 */
	boolean createIfAbsent(UUID orderId, Instant expiresAt, Instant now) {
		return this.jdbc.sql("""
				insert into reservations (order_id, status, expires_at, created_at, updated_at)
				values (?, 'RESERVED', ?, ?, ?) on conflict (order_id) do nothing""")
			.params(orderId, Stocks.utc(expiresAt), Stocks.utc(now), Stocks.utc(now))
			.update() == 1;
	}

	void addLines(UUID orderId, List<ReservationLine> lines) {
		for (ReservationLine line : lines) {
			this.jdbc.sql("insert into reservation_lines (order_id, product_id, quantity) values (?, ?, ?)")
				.params(orderId, line.productId(), line.quantity())
				.update();
		}
	}

	/**
	 * The order's reservation, locked until the transaction ends.
	 */
	Optional<Reservation> lock(UUID orderId) {
		return this.jdbc.sql("select order_id, status, expires_at from reservations where order_id = ? for update")
			.param(orderId)
			.query(Head.class)
			.optional()
			.map(this::withLines);
	}

	/**
	 * Reservations past their expiry that no other transaction holds, locked: instances
	 * sweeping at the same time take disjoint batches.
	 */
	List<Reservation> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select order_id, status, expires_at from reservations
				where status = 'RESERVED' and expires_at <= ?
				order by expires_at limit ? for update skip locked""")
			.params(Stocks.utc(now), limit)
			.query(Head.class)
			.list()
			.stream()
			.map(this::withLines)
			.toList();
	}

	void setStatus(UUID orderId, Reservation.Status status, Instant now) {
		this.jdbc.sql("update reservations set status = ?, updated_at = ? where order_id = ?")
			.params(status.name(), Stocks.utc(now), orderId)
			.update();
	}

	private Reservation withLines(Head head) {
		List<ReservationLine> lines = this.jdbc
			.sql("select product_id, quantity from reservation_lines where order_id = ?")
			.param(head.orderId())
			.query((rs, row) -> new ReservationLine(rs.getObject("product_id", UUID.class), rs.getInt("quantity")))
			.list();
		return new Reservation(head.orderId(), Reservation.Status.valueOf(head.status()), head.expiresAt().toInstant(),
				lines.stream().sorted(ReservationLine.LOCK_ORDER).toList());
	}

	// The reservation row; its lines are read after the row's result set is closed.
	private record Head(UUID orderId, String status, OffsetDateTime expiresAt) {

	}

}
