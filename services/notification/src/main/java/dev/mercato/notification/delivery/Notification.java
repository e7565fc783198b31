package dev.mercato.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.notification.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One message to one user on one channel, caused by one event.
 *
 * @param id the notification
 * @param eventId the event that caused it
 * @param eventKey e.g. {@code order.paid}
 * @param channel the channel
 * @param userId the recipient
 * @param address the address the event carried, or {@code null} (the replica's is used)
 * @param model the event's values as JSON, {@code null} once a sensitive message was sent
 * @param sensitive whether the values are erased after sending
 * @param subject the rendered subject once sent
 * @param status the status
 * @param attempts sending attempts so far
 * @param lastError why the last attempt failed or why it was skipped
 * @param nextAttemptAt when the dispatcher tries next
 * @param createdAt when the event was received
 * @param sentAt when it was sent
 */
public record Notification(UUID id, UUID eventId, String eventKey, Channel channel, UUID userId,
		@Nullable String address, @Nullable String model, boolean sensitive, @Nullable String subject,
		NotificationStatus status, int attempts, @Nullable String lastError, Instant nextAttemptAt, Instant createdAt,
		@Nullable Instant sentAt) {

}
