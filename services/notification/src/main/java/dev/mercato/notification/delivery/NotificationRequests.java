package dev.mercato.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.mercato.notification.Channel;
import dev.mercato.notification.event.EventKey;
import dev.mercato.notification.preference.Preferences;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns an event into queued notifications, in the event consumer's transaction: one per
 * channel that has an enabled template for the event and that the user has not switched
 * off. Channels switched off get no notification at all (ADR 0021). Push is queued only
 * for users with a subscription.
 */
@Service
public class NotificationRequests {

	private final Notifications notifications;

	private final Preferences preferences;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Dispatcher dispatcher;

	NotificationRequests(Notifications notifications, Preferences preferences, JdbcClient jdbc, JsonMapper json,
			Dispatcher dispatcher) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.jdbc = jdbc;
		this.json = json;
		this.dispatcher = dispatcher;
	}

	/**
	 * Queues the messages of one event for one user.
	 * @param eventId the event (with channel and user, the deduplication key)
	 * @param key the event key
	 * @param userId the recipient
	 * @param address an email address the event carried, or {@code null}
	 * @param model the event's template values
	 * @return how many notifications were queued
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int request(UUID eventId, EventKey key, UUID userId, @Nullable String address, Map<String, Object> model) {
		String modelJson = this.json.writeValueAsString(model);
		int queued = 0;
		for (Channel channel : enabledChannels(key)) {
			if (!this.preferences.enabled(userId, channel)) {
				continue;
			}
			if (channel == Channel.PUSH && !hasPushSubscription(userId)) {
				continue;
			}
			if (this.notifications.insert(eventId, key.key(), channel, userId,
					(channel == Channel.EMAIL) ? address : null, modelJson, key.sensitive())) {
				queued++;
			}
		}
		if (queued > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					NotificationRequests.this.dispatcher.wakeUp();
				}
			});
		}
		return queued;
	}

	private List<Channel> enabledChannels(EventKey key) {
		return this.jdbc.sql("select channel from templates where event_key = ? and enabled order by channel")
			.param(key.key())
			.query((rs, row) -> Channel.valueOf(rs.getString(1)))
			.list();
	}

	private boolean hasPushSubscription(UUID userId) {
		return this.jdbc.sql("select exists (select 1 from push_subscriptions where user_id = ?)")
			.param(userId)
			.query(Boolean.class)
			.single();
	}

}
