package dev.mercato.notification.recipient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The user replica. Updated by identity's events in the consumer's transaction.
 */
@Repository
public class Recipients {

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts or replaces a user.
	 * @param recipient the user's current state
	 */
	public void save(Recipient recipient) {
		this.jdbc.sql("""
				insert into recipients (user_id, email, first_name, last_name, phone, roles, updated_at)
				values (:id, :email, :firstName, :lastName, :phone, cast(:roles as text[]), now())
				on conflict (user_id) do update set email = excluded.email, first_name = excluded.first_name,
				    last_name = excluded.last_name, phone = excluded.phone, roles = excluded.roles, updated_at = now()
				""")
			.param("id", recipient.userId())
			.param("email", recipient.email())
			.param("firstName", recipient.firstName())
			.param("lastName", recipient.lastName())
			.param("phone", recipient.phone())
			.param("roles", "{" + String.join(",", recipient.roles()) + "}")
			.update();
	}

	/**
	 * Inserts a user unless known: {@code user.created} never overwrites what a
	 * {@code user.updated} that overtook it wrote.
	 * @param recipient the user at creation
	 */
	public void saveIfAbsent(Recipient recipient) {
		this.jdbc.sql("""
				insert into recipients (user_id, email, first_name, last_name, phone, roles, updated_at)
				values (:id, :email, :firstName, :lastName, :phone, cast(:roles as text[]), now())
				on conflict (user_id) do nothing
				""")
			.param("id", recipient.userId())
			.param("email", recipient.email())
			.param("firstName", recipient.firstName())
			.param("lastName", recipient.lastName())
			.param("phone", recipient.phone())
			.param("roles", "{" + String.join(",", recipient.roles()) + "}")
			.update();
	}

	/**
	 * A user of the replica.
	 * @param userId the user
	 * @return the user, if known
	 */
	public Optional<Recipient> find(UUID userId) {
		return this.jdbc.sql("select * from recipients where user_id = ?")
			.param(userId)
			.query(Recipients::map)
			.optional();
	}

	/**
	 * Every known administrator.
	 * @return the admins
	 */
	public List<Recipient> admins() {
		return this.jdbc.sql("select * from recipients where 'ADMIN' = any(roles) order by user_id")
			.query(Recipients::map)
			.list();
	}

	private static Recipient map(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray("roles");
		return new Recipient(rs.getObject("user_id", UUID.class), rs.getString("email"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("phone"), Set.of((String[]) roles.getArray()));
	}

}
