package dev.mercato.notification.template.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/notifications/templates/{key}}.
 *
 * @param subject subject (email) or title (push) template
 * @param html HTML body template (email), optional
 * @param text text body template
 * @param enabled whether messages are sent for this key and channel (default true)
 */
record TemplateRequest(@NotBlank @Size(max = 500) String subject, @Nullable @Size(max = 100_000) String html,
		@NotBlank @Size(max = 100_000) String text, @Nullable Boolean enabled) {

}
