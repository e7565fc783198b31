package dev.mercato.notification.delivery;

import java.util.UUID;

import dev.mercato.notification.template.RenderedMessage;
import org.jspecify.annotations.Nullable;

/**
 * What a channel sends.
 *
 * @param notificationId the notification (a stable id for the provider's deduplication,
 * e.g. the email's Message-ID)
 * @param userId the recipient
 * @param address email address or phone number; {@code null} for push (the user's
 * subscriptions)
 * @param content the rendered message
 */
public record OutgoingMessage(UUID notificationId, UUID userId, @Nullable String address, RenderedMessage content) {

}
