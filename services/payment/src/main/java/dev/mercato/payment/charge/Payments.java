package dev.mercato.payment.charge;

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
 * The {@code payments} and {@code transactions} tables.
 */
@Repository
public class Payments {

	private static final String COLUMNS = "id, order_id, user_id, amount, currency, status, provider, provider_payment_id,"
			+ " method_id, failure_code, failure_message, refunded_amount, attempt_expires_at, last_event_at,"
			+ " created_at, updated_at";

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean insertIfAbsent(UUID id, UUID orderId, UUID userId, Money amount, String provider, @Nullable UUID methodId,
			Instant now) {
		return this.jdbc.sql("""
				insert into payments (id, order_id, user_id, amount, currency, status, provider, method_id,
				created_at, updated_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
				on conflict (order_id) do nothing""")
			.params(id, orderId, userId, amount.amount(), amount.currency(), provider, methodId, utc(now), utc(now))
			.update() == 1;
	}

	public Optional<Payment> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from payments where id = ?")
			.param(id)
			.query(Payments::payment)
			.optional();
	}

	/**
	 * The payment, locked until the transaction ends.
	 */
	public Optional<Payment> lock(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from payments where id = ? for update")
			.param(id)
			.query(Payments::payment)
			.optional();
	}

	Optional<Payment> lockByOrder(UUID orderId) {
		return this.jdbc.sql("select " + COLUMNS + " from payments where order_id = ? for update")
			.param(orderId)
			.query(Payments::payment)
			.optional();
	}

	public Optional<Payment> findByProviderPaymentId(String providerPaymentId) {
		return this.jdbc.sql("select " + COLUMNS + " from payments where provider_payment_id = ?")
			.param(providerPaymentId)
			.query(Payments::payment)
			.optional();
	}

	public Optional<Payment> findByOrder(UUID orderId) {
		return this.jdbc.sql("select " + COLUMNS + " from payments where order_id = ?")
			.param(orderId)
			.query(Payments::payment)
			.optional();
	}

	/**
	 * A page of payments, newest first.
	 * @param userId only this user's, or null for all
	 * @param orderId only this order's, or null
	 */
	List<Payment> page(@Nullable UUID userId, @Nullable UUID orderId, int page, int size) {
		return this.jdbc
			.sql("select " + COLUMNS + " from payments where (cast(? as uuid) is null or user_id = ?)"
					+ " and (cast(? as uuid) is null or order_id = ?) order by created_at desc, id limit ? offset ?")
			.params(userId, userId, orderId, orderId, size, (long) page * size)
			.query(Payments::payment)
			.list();
	}

	long count(@Nullable UUID userId, @Nullable UUID orderId) {
		return this.jdbc
			.sql("select count(*) from payments where (cast(? as uuid) is null or user_id = ?)"
					+ " and (cast(? as uuid) is null or order_id = ?)")
			.params(userId, userId, orderId, orderId)
			.query(Long.class)
			.single();
	}

	void claim(UUID id, Instant until, Instant now) {
		this.jdbc
			.sql("update payments set attempts = attempts + 1, attempt_expires_at = ?, updated_at = ? where id = ?")
			.params(utc(until), utc(now), id)
			.update();
	}

	void releaseClaim(UUID id, @Nullable String providerPaymentId) {
		this.jdbc
			.sql("update payments set attempt_expires_at = null,"
					+ " provider_payment_id = coalesce(provider_payment_id, ?) where id = ? and status = 'PENDING'")
			.params(providerPaymentId, id)
			.update();
	}

	/**
	 * Removes a payment nothing happened for at the provider (the token was unusable).
	 */
	void deleteUnattempted(UUID id) {
		this.jdbc.sql("delete from payments where id = ? and status = 'PENDING' and provider_payment_id is null")
			.param(id)
			.update();
	}

	void complete(UUID id, PaymentStatus status, String providerPaymentId, @Nullable String failureCode,
			@Nullable String failureMessage, @Nullable Instant eventAt, Instant now) {
		this.jdbc.sql("""
				update payments set status = ?, provider_payment_id = ?, failure_code = ?, failure_message = ?,
				attempt_expires_at = null, last_event_at = coalesce(?, last_event_at), updated_at = ?
				where id = ? and status = 'PENDING'""")
			.params(status.name(), providerPaymentId, failureCode, truncate(failureMessage), utc(eventAt), utc(now), id)
			.update();
	}

	/**
	 * Records a refund's amount on the payment.
	 */
	public void refunded(UUID id, Money refunded, PaymentStatus status, Instant now) {
		this.jdbc.sql("update payments set refunded_amount = ?, status = ?, updated_at = ? where id = ?")
			.params(refunded.amount(), status.name(), utc(now), id)
			.update();
	}

	/**
	 * Appends a money movement to the payment's history.
	 */
	public void addTransaction(UUID paymentId, String type, String status, Money amount,
			@Nullable String providerReference, @Nullable String detail, Instant now) {
		this.jdbc
			.sql("""
					insert into transactions (payment_id, type, status, amount, currency, provider_reference, detail, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(paymentId, type, status, amount.amount(), amount.currency(), providerReference, truncate(detail),
					utc(now))
			.update();
	}

	List<Transaction> transactions(UUID paymentId) {
		return this.jdbc.sql("""
				select id, type, status, amount, currency, provider_reference, detail, created_at
				from transactions where payment_id = ? order by id""")
			.param(paymentId)
			.query((rs, row) -> new Transaction(rs.getLong(1), rs.getString(2), rs.getString(3),
					new Money(rs.getBigDecimal(4), rs.getString(5)), rs.getString(6), rs.getString(7), instant(rs, 8)))
			.list();
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		BigDecimal refunded = rs.getBigDecimal("refunded_amount");
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("user_id", UUID.class), new Money(rs.getBigDecimal("amount"), currency),
				PaymentStatus.valueOf(rs.getString("status")), rs.getString("provider"),
				rs.getString("provider_payment_id"), rs.getObject("method_id", UUID.class),
				rs.getString("failure_code"), rs.getString("failure_message"), new Money(refunded, currency),
				instant(rs, "attempt_expires_at"), instant(rs, "last_event_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > 500) ? text.substring(0, 500) : text;
	}

	/**
	 * One row of a payment's history.
	 *
	 * @param id sequence
	 * @param type {@code CHARGE} or {@code REFUND}
	 * @param status {@code SUCCEEDED} or {@code FAILED}
	 * @param amount the amount moved (or attempted)
	 * @param providerReference the provider's id
	 * @param detail a failure's reason, or null
	 * @param createdAt when
	 */
	public record Transaction(long id, String type, String status, Money amount, String providerReference,
			String detail, Instant createdAt) {

	}

}
