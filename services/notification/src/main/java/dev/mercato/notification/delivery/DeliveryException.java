package dev.mercato.notification.delivery;

/**
 * A channel could not deliver. Permanent failures (a rejected address, a 4xx of the
 * provider) are not retried; transient ones (connection refused, timeouts, 5xx, SMTP 4xx)
 * are retried with backoff.
 */
public class DeliveryException extends Exception {

	private final boolean permanent;

	private DeliveryException(String reason, boolean permanent, Throwable cause) {
		super(reason, cause);
		this.permanent = permanent;
	}

	/**
	 * A failure that retrying cannot fix.
	 * @param reason short reason, kept as the notification's last error
	 * @param cause the cause or {@code null}
	 * @return the exception
	 */
	public static DeliveryException permanent(String reason, Throwable cause) {
		return new DeliveryException(reason, true, cause);
	}

	/**
	 * A failure that may pass.
	 * @param reason short reason, kept as the notification's last error
	 * @param cause the cause or {@code null}
	 * @return the exception
	 */
	public static DeliveryException transientFailure(String reason, Throwable cause) {
		return new DeliveryException(reason, false, cause);
	}

	/**
	 * Whether retrying is pointless.
	 * @return whether permanent
	 */
	public boolean isPermanent() {
		return this.permanent;
	}

}
