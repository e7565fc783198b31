package dev.mercato.notification.delivery.web;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import dev.mercato.notification.delivery.Notification;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a user's notification history.
 *
 * @param id the notification
 * @param event what caused it, e.g. {@code order.paid}
 * @param channel {@code email}, {@code sms} or {@code push}
 * @param status {@code PENDING}, {@code SENT}, {@code FAILED} or {@code SKIPPED}
 * @param subject the subject as sent, {@code null} before
 * @param attempts sending attempts
 * @param lastError why the last attempt failed or why it was skipped
 * @param createdAt when the event was received
 * @param sentAt when it was sent
 */
record NotificationResponse(UUID id, String event, String channel, String status, @Nullable String subject,
		int attempts, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

	static NotificationResponse of(Notification notification) {
		return new NotificationResponse(notification.id(), notification.eventKey(),
				notification.channel().name().toLowerCase(Locale.ROOT), notification.status().name(),
				notification.subject(), notification.attempts(), notification.lastError(), notification.createdAt(),
				notification.sentAt());
	}

}
