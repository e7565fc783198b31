package dev.mercato.payment.method;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code payment_methods} and {@code payment_customers} tables.
 */
@Repository
public class PaymentMethods {

	private static final String COLUMNS = "id, user_id, provider, provider_method_id, brand, last4, exp_month, exp_year,"
			+ " is_default, created_at";

	private final JdbcClient jdbc;

	PaymentMethods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A user's method: another user's is not found.
	 */
	public Optional<PaymentMethod> findOwn(UUID userId, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from payment_methods where id = ? and user_id = ?")
			.params(id, userId)
			.query(PaymentMethods::method)
			.optional();
	}

	List<PaymentMethod> list(UUID userId) {
		return this.jdbc.sql("select " + COLUMNS + " from payment_methods where user_id = ? order by created_at, id")
			.param(userId)
			.query(PaymentMethods::method)
			.list();
	}

	void insert(PaymentMethod method) {
		this.jdbc.sql("""
				insert into payment_methods (id, user_id, provider, provider_method_id, brand, last4, exp_month,
				exp_year, is_default, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(method.id(), method.userId(), method.provider(), method.providerMethodId(), method.brand(),
					method.last4(), method.expMonth(), method.expYear(), method.isDefault(),
					OffsetDateTime.ofInstant(method.createdAt(), ZoneOffset.UTC))
			.update();
	}

	void clearDefault(UUID userId) {
		this.jdbc.sql("update payment_methods set is_default = false where user_id = ? and is_default")
			.param(userId)
			.update();
	}

	void makeDefault(UUID id) {
		this.jdbc.sql("update payment_methods set is_default = true where id = ?").param(id).update();
	}

	boolean hasDefault(UUID userId) {
		return this.jdbc.sql("select count(*) from payment_methods where user_id = ? and is_default")
			.param(userId)
			.query(Long.class)
			.single() > 0;
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from payment_methods where id = ?").param(id).update();
	}

	/**
	 * Serialises changes to a user's methods (the default flag) for one transaction.
	 */
	void lockUser(UUID userId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
			.param("payment-methods:" + userId)
			.query()
			.singleRow();
	}

	Optional<String> customer(UUID userId, String provider) {
		return this.jdbc.sql("select provider_customer_id from payment_customers where user_id = ? and provider = ?")
			.params(userId, provider)
			.query(String.class)
			.optional();
	}

	/**
	 * Stores a user's customer unless one exists; answers the one that is stored.
	 */
	String saveCustomer(UUID userId, String provider, String customerId, Instant now) {
		this.jdbc.sql("""
				insert into payment_customers (user_id, provider, provider_customer_id, created_at)
				values (?, ?, ?, ?) on conflict do nothing""")
			.params(userId, provider, customerId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		return customer(userId, provider).orElseThrow();
	}

	private static PaymentMethod method(ResultSet rs, int row) throws SQLException {
		return new PaymentMethod(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9),
				rs.getObject(10, OffsetDateTime.class).toInstant());
	}

}
