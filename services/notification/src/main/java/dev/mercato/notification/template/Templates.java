package dev.mercato.notification.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.notification.Channel;
import dev.mercato.notification.event.EventKey;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code templates} table.
 */
@Repository
class Templates {

	private final JdbcClient jdbc;

	Templates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Template> all() {
		return this.jdbc.sql("select * from templates order by event_key, channel")
			.query(Templates::map)
			.list()
			.stream()
			.flatMap(Optional::stream)
			.toList();
	}

	Optional<Template> find(TemplateKey key) {
		return this.jdbc.sql("select * from templates where event_key = ? and channel = ?")
			.params(key.event().key(), key.channel().name())
			.query(Templates::map)
			.optional()
			.flatMap((template) -> template);
	}

	boolean insertIfAbsent(TemplateKey key, String subject, @Nullable String html, String text) {
		return this.jdbc.sql("""
				insert into templates (event_key, channel, subject, body_html, body_text)
				values (?, ?, ?, ?, ?) on conflict do nothing
				""").params(key.event().key(), key.channel().name(), subject, html, text).update() == 1;
	}

	void upsert(TemplateKey key, String subject, @Nullable String html, String text, boolean enabled, UUID admin) {
		this.jdbc.sql("""
				insert into templates (event_key, channel, subject, body_html, body_text, enabled, updated_by)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (event_key, channel) do update set subject = excluded.subject,
				    body_html = excluded.body_html, body_text = excluded.body_text, enabled = excluded.enabled,
				    updated_by = excluded.updated_by, updated_at = now(), version = templates.version + 1
				""").params(key.event().key(), key.channel().name(), subject, html, text, enabled, admin).update();
	}

	// Rows of event keys this version does not know (left by a newer version) are
	// skipped.
	private static Optional<Template> map(ResultSet rs, int row) throws SQLException {
		Optional<EventKey> event = EventKey.of(rs.getString("event_key"));
		if (event.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Template(new TemplateKey(event.get(), Channel.valueOf(rs.getString("channel"))),
				rs.getString("subject"), rs.getString("body_html"), rs.getString("body_text"), rs.getBoolean("enabled"),
				rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
				rs.getObject("updated_by", UUID.class)));
	}

}
