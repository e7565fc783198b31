package dev.mercato.notification.preference;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import dev.mercato.notification.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which channels a user receives messages on. A channel without a choice has its default
 * ({@link Channel#enabledByDefault()}: email and push on, SMS off).
 */
@Service
public class Preferences {

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user's choice for every channel.
	 * @param userId the user
	 * @return enabled per channel
	 */
	@Transactional(readOnly = true)
	public Map<Channel, Boolean> of(UUID userId) {
		Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			channels.put(channel, channel.enabledByDefault());
		}
		this.jdbc.sql("select channel, enabled from preferences where user_id = ?")
			.param(userId)
			.query((rs, row) -> channels.put(Channel.valueOf(rs.getString(1)), rs.getBoolean(2)))
			.list();
		return channels;
	}

	/**
	 * Whether the user receives messages on a channel.
	 * @param userId the user
	 * @param channel the channel
	 * @return whether enabled
	 */
	public boolean enabled(UUID userId, Channel channel) {
		return this.jdbc.sql("select enabled from preferences where user_id = ? and channel = ?")
			.params(userId, channel.name())
			.query(Boolean.class)
			.optional()
			.orElse(channel.enabledByDefault());
	}

	/**
	 * Records the user's choices; channels not given keep theirs.
	 * @param userId the user
	 * @param choices enabled per channel
	 * @return the choice for every channel afterwards
	 */
	@Transactional
	public Map<Channel, Boolean> update(UUID userId, Map<Channel, Boolean> choices) {
		choices.forEach((channel, enabled) -> this.jdbc.sql("""
				insert into preferences (user_id, channel, enabled) values (?, ?, ?)
				on conflict (user_id, channel) do update set enabled = excluded.enabled, updated_at = now()
				""").params(userId, channel.name(), enabled).update());
		return of(userId);
	}

}
