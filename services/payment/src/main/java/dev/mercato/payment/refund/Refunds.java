package dev.mercato.payment.refund;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.payment.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code refunds} table.
 */
@Repository
public class Refunds {

	private static final String COLUMNS = "id, payment_id, request_key, amount, currency, reason, status,"
			+ " provider_refund_id, requested_by, attempt_expires_at, created_at, updated_at";

	private final JdbcClient jdbc;

	Refunds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Refund> lockByKey(String key) {
		return this.jdbc.sql("select " + COLUMNS + " from refunds where request_key = ? for update")
			.param(key)
			.query(Refunds::refund)
			.optional();
	}

	Optional<Refund> lock(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from refunds where id = ? for update")
			.param(id)
			.query(Refunds::refund)
			.optional();
	}

	Optional<Refund> findByProviderRefundId(String providerRefundId) {
		return this.jdbc.sql("select " + COLUMNS + " from refunds where provider_refund_id = ?")
			.param(providerRefundId)
			.query(Refunds::refund)
			.optional();
	}

	/**
	 * A payment's refunds, oldest first.
	 */
	public List<Refund> ofPayment(UUID paymentId) {
		return this.jdbc.sql("select " + COLUMNS + " from refunds where payment_id = ? order by created_at, id")
			.param(paymentId)
			.query(Refunds::refund)
			.list();
	}

	BigDecimal pendingTotal(UUID paymentId) {
		return this.jdbc.sql("select coalesce(sum(amount), 0) from refunds where payment_id = ? and status = 'PENDING'")
			.param(paymentId)
			.query(BigDecimal.class)
			.single();
	}

	boolean insert(Refund refund) {
		return this.jdbc.sql("""
				insert into refunds (id, payment_id, request_key, amount, currency, reason, status, requested_by,
				attempt_expires_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
				on conflict (request_key) do nothing""")
			.params(refund.id(), refund.paymentId(), refund.requestKey(), refund.amount().amount(),
					refund.amount().currency(), refund.reason(), refund.requestedBy(), utc(refund.attemptExpiresAt()),
					utc(refund.createdAt()), utc(refund.updatedAt()))
			.update() == 1;
	}

	void claim(UUID id, Instant until, Instant now) {
		this.jdbc.sql("update refunds set attempt_expires_at = ?, updated_at = ? where id = ?")
			.params(utc(until), utc(now), id)
			.update();
	}

	void releaseClaim(UUID id, @Nullable String providerRefundId) {
		this.jdbc
			.sql("update refunds set attempt_expires_at = null,"
					+ " provider_refund_id = coalesce(provider_refund_id, ?) where id = ? and status = 'PENDING'")
			.params(providerRefundId, id)
			.update();
	}

	void deleteUnattempted(UUID id) {
		this.jdbc.sql("delete from refunds where id = ? and status = 'PENDING' and provider_refund_id is null")
			.param(id)
			.update();
	}

	void complete(UUID id, String status, @Nullable String providerRefundId, Instant now) {
		this.jdbc.sql("""
				update refunds set status = ?, provider_refund_id = coalesce(?, provider_refund_id),
				attempt_expires_at = null, updated_at = ? where id = ? and status = 'PENDING'""")
			.params(status, providerRefundId, utc(now), id)
			.update();
	}

	private static Refund refund(ResultSet rs, int row) throws SQLException {
		return new Refund(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				new Money(rs.getBigDecimal(4), rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getString(9), instant(rs, 10), instant(rs, 11), instant(rs, 12));
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
