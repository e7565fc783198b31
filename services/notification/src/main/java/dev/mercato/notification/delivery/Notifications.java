package dev.mercato.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.notification.Channel;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications} table: the dispatcher's queue and the users' history.
 */
@Repository
public class Notifications {

	private static final int MAX_ERROR = 1000;

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues a message unless the same event already queued one for the user on the
	 * channel (a redelivered event).
	 * @return whether a row was inserted
	 */
	boolean insert(UUID eventId, String eventKey, Channel channel, UUID userId, @Nullable String address, String model,
			boolean sensitive) {
		return this.jdbc.sql("""
				insert into notifications (id, event_id, event_key, channel, user_id, address, model, sensitive, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
				on conflict on constraint notifications_once do nothing
				""")
			.params(UUID.randomUUID(), eventId, eventKey, channel.name(), userId, address, model, sensitive)
			.update() == 1;
	}

	/**
	 * Claims due notifications: they are hidden from other instances for the lease, so
	 * nothing is sent twice while one instance works on it. {@code SKIP LOCKED} lets
	 * instances claim different rows at the same time.
	 * @param limit how many
	 * @param lease how long the claim holds
	 * @return the claimed notifications
	 */
	List<Notification> claimDue(int limit, Duration lease) {
		return this.jdbc.sql("""
				update notifications set next_attempt_at = now() + cast(? as interval)
				where id in (select id from notifications where status = 'PENDING' and next_attempt_at <= now()
				             order by next_attempt_at limit ? for update skip locked)
				returning *
				""").params(lease.toMillis() + " milliseconds", limit).query(Notifications::map).list();
	}

	void markSent(UUID id, String subject, boolean sensitive) {
		this.jdbc.sql("""
				update notifications set status = 'SENT', subject = ?, attempts = attempts + 1, last_error = null,
				    sent_at = now(), model = case when ? then null else model end
				where id = ? and status = 'PENDING'
				""").params(subject, sensitive, id).update();
	}

	void markRetry(UUID id, String error, Instant nextAttempt, boolean attempted) {
		this.jdbc.sql("""
				update notifications set attempts = attempts + ?, last_error = ?, next_attempt_at = ?
				where id = ? and status = 'PENDING'
				""").params(attempted ? 1 : 0, truncate(error), Timestamp.from(nextAttempt), id).update();
	}

	void markFailed(UUID id, String error, boolean attempted, boolean sensitive) {
		this.jdbc.sql("""
				update notifications set status = 'FAILED', attempts = attempts + ?, last_error = ?,
				    model = case when ? then null else model end
				where id = ? and status = 'PENDING'
				""").params(attempted ? 1 : 0, truncate(error), sensitive, id).update();
	}

	void markSkipped(UUID id, String reason, boolean sensitive) {
		this.jdbc.sql("""
				update notifications set status = 'SKIPPED', last_error = ?,
				    model = case when ? then null else model end
				where id = ? and status = 'PENDING'
				""").params(reason, sensitive, id).update();
	}

	/**
	 * A user's notifications, newest first.
	 * @param userId the user
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	public List<Notification> history(UUID userId, int page, int size) {
		return this.jdbc.sql("""
				select * from notifications where user_id = ? order by created_at desc, id desc limit ? offset ?
				""").params(userId, size, (long) page * size).query(Notifications::map).list();
	}

	/**
	 * How many notifications a user has.
	 * @param userId the user
	 * @return the count
	 */
	public long count(UUID userId) {
		return this.jdbc.sql("select count(*) from notifications where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/**
	 * Notifications waiting to be sent (due or backing off).
	 * @return the count, or NaN when the database cannot be asked
	 */
	double pending() {
		try {
			return this.jdbc.sql("select count(*) from notifications where status = 'PENDING'")
				.query(Long.class)
				.single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static String truncate(String error) {
		return (error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error;
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		Timestamp sentAt = rs.getTimestamp("sent_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getString("event_key"), Channel.valueOf(rs.getString("channel")),
				rs.getObject("user_id", UUID.class), rs.getString("address"), rs.getString("model"),
				rs.getBoolean("sensitive"), rs.getString("subject"), NotificationStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("next_attempt_at").toInstant(),
				rs.getTimestamp("created_at").toInstant(), (sentAt != null) ? sentAt.toInstant() : null);
	}

}
