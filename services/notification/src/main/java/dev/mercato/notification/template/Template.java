package dev.mercato.notification.template;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message template of one event key and channel, in Mustache: {@code {{var}}} escapes
 * for HTML in the HTML body, the subject and text body are plain text.
 *
 * @param key event key and channel
 * @param subject the email subject, SMS is sent without it, the push title
 * @param html the HTML body (email only), or {@code null}
 * @param text the text body
 * @param enabled whether messages are sent for this key and channel
 * @param version incremented by every edit
 * @param updatedAt when last changed
 * @param updatedBy the admin who last changed it, {@code null} for the seeded default
 */
public record Template(TemplateKey key, String subject, @Nullable String html, String text, boolean enabled,
		int version, Instant updatedAt, @Nullable UUID updatedBy) {

}
