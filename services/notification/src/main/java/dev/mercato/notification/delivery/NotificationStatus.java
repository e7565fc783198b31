package dev.mercato.notification.delivery;

/**
 * Where a notification is in its life.
 */
public enum NotificationStatus {

	/** Waiting to be sent (first time or after a transient failure). */
	PENDING,

	/** Handed to the SMTP relay, SMS provider or push service. */
	SENT,

	/** Given up: a permanent failure or too many attempts; {@code lastError} says why. */
	FAILED,

	/**
	 * Not sent on purpose: the template is disabled, the channel is not configured or the
	 * user has no address for it; {@code lastError} says which.
	 */
	SKIPPED

}
