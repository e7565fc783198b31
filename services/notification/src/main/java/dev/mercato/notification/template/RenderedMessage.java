package dev.mercato.notification.template;

import org.jspecify.annotations.Nullable;

/**
 * A template rendered for one recipient.
 *
 * @param subject the subject or title
 * @param html the HTML body, or {@code null}
 * @param text the text body
 */
public record RenderedMessage(String subject, @Nullable String html, String text) {

}
