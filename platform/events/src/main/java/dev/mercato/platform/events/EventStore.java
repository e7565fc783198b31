package dev.mercato.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL of the outbox and inbox tables. Every statement joins the caller's transaction.
 */
final class EventStore {

	// The relay keeps its transaction open while it awaits confirms, so time stamps use
	// clock_timestamp(), not now() (the transaction's start).
	private static final String CLAIM = """
			select id, event_id, exchange, routing_key, type, traceparent, payload, attempts
			from outbox
			where sent_at is null and next_attempt_at <= clock_timestamp()
			order by id
			limit :limit
			for update skip locked""";

	private static final int MAX_ERROR = 2000;

	private final JdbcClient jdbc;

	EventStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(CloudEvent event, String exchange, String routingKey, String payload) {
		this.jdbc.sql("""
				insert into outbox (event_id, exchange, routing_key, type, subject, traceparent, payload)
				values (:eventId, :exchange, :routingKey, :type, :subject, :traceparent, :payload)""")
			.param("eventId", event.id())
			.param("exchange", exchange)
			.param("routingKey", routingKey)
			.param("type", event.type())
			.param("subject", event.subject())
			.param("traceparent", event.traceparent())
			.param("payload", payload)
			.update();
	}

	/**
	 * Locks and returns the oldest due rows that no other relay holds.
	 */
	List<OutboxRow> claimDue(int limit) {
		return this.jdbc.sql(CLAIM)
			.param("limit", limit)
			.query((rs, row) -> new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class),
					rs.getString("exchange"), rs.getString("routing_key"), rs.getString("type"),
					rs.getString("traceparent"), rs.getString("payload"), rs.getInt("attempts")))
			.list();
	}

	void markSent(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("update outbox set sent_at = clock_timestamp(), last_error = null where id in (:ids)")
			.param("ids", ids)
			.update();
	}

	void markFailed(List<Long> ids, String error, Duration retryAfter) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update outbox
				set attempts = attempts + 1, last_error = :error,
				    next_attempt_at = clock_timestamp() + :millis * interval '1 millisecond'
				where id in (:ids)""")
			.param("error", (error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error)
			.param("millis", retryAfter.toMillis())
			.param("ids", ids)
			.update();
	}

	int deleteSentBefore(Duration retention) {
		return this.jdbc.sql("""
				delete from outbox
				where sent_at is not null and sent_at < clock_timestamp() - :millis * interval '1 millisecond'""")
			.param("millis", retention.toMillis())
			.update();
	}

	long backlog() {
		return this.jdbc.sql("select count(*) from outbox where sent_at is null").query(Long.class).single();
	}

	/**
	 * Records that the consumer processes the event.
	 * @return {@code false} when the consumer has processed it before
	 */
	boolean markProcessed(String consumer, UUID eventId) {
		return this.jdbc.sql("""
				insert into inbox (consumer, event_id) values (:consumer, :eventId)
				on conflict do nothing""").param("consumer", consumer).param("eventId", eventId).update() == 1;
	}

	int deleteProcessedBefore(Duration retention) {
		return this.jdbc
			.sql("delete from inbox where processed_at < clock_timestamp() - :millis * interval '1 millisecond'")
			.param("millis", retention.toMillis())
			.update();
	}

}
