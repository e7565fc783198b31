package dev.mercato.notification.delivery;

import dev.mercato.notification.Channel;

/**
 * Sends messages on one channel. One implementation per channel: email (SMTP), SMS (an
 * HTTP provider), push (Web Push).
 */
public interface ChannelSender {

	/**
	 * The channel this sender serves.
	 * @return the channel
	 */
	Channel channel();

	/**
	 * Whether the channel is configured (an SMS account, for instance); messages of an
	 * unconfigured channel are skipped.
	 * @return whether messages can be sent
	 */
	default boolean available() {
		return true;
	}

	/**
	 * Sends one message; returns when the provider accepted it.
	 * @param message the message
	 * @throws DeliveryException when it was not accepted
	 */
	void send(OutgoingMessage message) throws DeliveryException;

}
