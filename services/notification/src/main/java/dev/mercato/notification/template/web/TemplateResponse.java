package dev.mercato.notification.template.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.mercato.notification.event.Models;
import dev.mercato.notification.template.Template;
import org.jspecify.annotations.Nullable;

/**
 * A template as the API shows it, with the variables it may use.
 *
 * @param key e.g. {@code order.paid.email}
 * @param event e.g. {@code order.paid}
 * @param channel e.g. {@code email}
 * @param subject subject template
 * @param html HTML template or {@code null}
 * @param text text template
 * @param enabled whether messages are sent
 * @param version incremented by every edit
 * @param updatedAt last change
 * @param updatedBy admin of the last change, {@code null} for the default
 * @param variables the variables of the event's model
 */
record TemplateResponse(String key, String event, String channel, String subject, @Nullable String html, String text,
		boolean enabled, int version, Instant updatedAt, @Nullable UUID updatedBy, List<String> variables) {

	static TemplateResponse of(Template template) {
		return new TemplateResponse(template.key().toString(), template.key().event().key(),
				template.key().channel().name().toLowerCase(Locale.ROOT), template.subject(), template.html(),
				template.text(), template.enabled(), template.version(), template.updatedAt(), template.updatedBy(),
				List.copyOf(Models.sample(template.key().event()).keySet()));
	}

}
