package dev.mercato.notification.delivery.push;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code push_subscriptions} table.
 */
@Repository
public class PushSubscriptions {

	private final JdbcClient jdbc;

	PushSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a subscription; an endpoint subscribed again (another login in the same
	 * browser) moves to the new user with its new keys.
	 * @return the stored subscription
	 */
	public PushSubscription save(UUID userId, String endpoint, String p256dh, String auth) {
		return this.jdbc.sql("""
				insert into push_subscriptions (id, user_id, endpoint, p256dh, auth) values (?, ?, ?, ?, ?)
				on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh,
				    auth = excluded.auth, created_at = now()
				returning id, user_id, endpoint, p256dh, auth
				""").params(UUID.randomUUID(), userId, endpoint, p256dh, auth).query(PushSubscription.class).single();
	}

	public List<PushSubscription> of(UUID userId) {
		return this.jdbc.sql("select id, user_id, endpoint, p256dh, auth from push_subscriptions where user_id = ?")
			.param(userId)
			.query(PushSubscription.class)
			.list();
	}

	/**
	 * Deletes a user's subscription.
	 * @return whether it existed and was the user's
	 */
	public boolean delete(UUID userId, UUID id) {
		return this.jdbc.sql("delete from push_subscriptions where id = ? and user_id = ?")
			.params(id, userId)
			.update() == 1;
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from push_subscriptions where id = ?").param(id).update();
	}

}
