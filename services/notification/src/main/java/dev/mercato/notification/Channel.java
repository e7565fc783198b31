package dev.mercato.notification;

import java.util.Locale;

/**
 * A way to reach a user.
 */
public enum Channel {

	/** Email over SMTP. */
	EMAIL(true),

	/** Text message through an HTTP SMS provider; opt-in (costs money, needs consent). */
	SMS(false),

	/** Web Push to the user's subscribed browsers. */
	PUSH(true);

	private final boolean enabledByDefault;

	Channel(boolean enabledByDefault) {
		this.enabledByDefault = enabledByDefault;
	}

	/**
	 * Whether a user who never chose receives messages on this channel.
	 * @return the default preference
	 */
	public boolean enabledByDefault() {
		return this.enabledByDefault;
	}

	/**
	 * The channel of a case-insensitive name.
	 * @param name e.g. {@code email}
	 * @return the channel
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static Channel parse(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
