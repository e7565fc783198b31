package dev.mercato.notification.template;

import java.util.Locale;

import dev.mercato.notification.Channel;
import dev.mercato.notification.event.EventKey;

/**
 * Names one template: an event key and a channel, written {@code order.paid.email}.
 *
 * @param event the event key
 * @param channel the channel
 */
public record TemplateKey(EventKey event, Channel channel) {

	/**
	 * Parses {@code <event key>.<channel>}.
	 * @param key e.g. {@code order.paid.email}
	 * @return the key
	 * @throws UnknownTemplateException when the event or channel is unknown
	 */
	public static TemplateKey parse(String key) {
		int dot = key.lastIndexOf('.');
		if (dot > 0) {
			try {
				Channel channel = Channel.parse(key.substring(dot + 1));
				EventKey event = EventKey.of(key.substring(0, dot)).orElse(null);
				if (event != null) {
					return new TemplateKey(event, channel);
				}
			}
			catch (IllegalArgumentException ex) {
				// unknown channel: answered below
			}
		}
		throw new UnknownTemplateException(key);
	}

	@Override
	public String toString() {
		return this.event.key() + "." + this.channel.name().toLowerCase(Locale.ROOT);
	}

}
