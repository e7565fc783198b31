package dev.mercato.notification.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events that cause notifications; the key names the templates
 * ({@code order.paid.email}) and the history entries.
 */
public enum EventKey {

	/** Welcome after registration. */
	USER_CREATED("user.created", false),

	/** The password reset link; its content is a secret. */
	PASSWORD_RESET_REQUESTED("user.password_reset_requested", true),

	/** Order received. */
	ORDER_CREATED("order.created", false),

	/** Order confirmed and paid. */
	ORDER_PAID("order.paid", false),

	/** Order shipped, with tracking. */
	ORDER_SHIPPED("order.shipped", false),

	/** Order cancelled. */
	ORDER_CANCELLED("order.cancelled", false),

	/** Money refunded. */
	PAYMENT_REFUNDED("payment.refunded", false),

	/** A product ran low (to every admin). */
	INVENTORY_LOW_STOCK("inventory.low_stock", false);

	private final String key;

	private final boolean sensitive;

	EventKey(String key, boolean sensitive) {
		this.key = key;
		this.sensitive = sensitive;
	}

	/**
	 * The key, the event's routing key.
	 * @return e.g. {@code order.paid}
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Whether the message carries a secret: its values are erased once it was sent.
	 * @return whether sensitive
	 */
	public boolean sensitive() {
		return this.sensitive;
	}

	/**
	 * The event key of a name.
	 * @param key e.g. {@code order.paid}
	 * @return the event key, or empty
	 */
	public static Optional<EventKey> of(String key) {
		return Arrays.stream(values()).filter((k) -> k.key.equals(key)).findFirst();
	}

}
