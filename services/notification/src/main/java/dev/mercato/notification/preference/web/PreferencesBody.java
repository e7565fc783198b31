package dev.mercato.notification.preference.web;

import java.util.EnumMap;
import java.util.Map;

import dev.mercato.notification.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The channels a user receives messages on; in a {@code PUT} an absent channel keeps its
 * setting.
 *
 * @param email email messages
 * @param sms text messages (needs a phone number in the profile)
 * @param push Web Push to subscribed browsers
 */
record PreferencesBody(@Nullable Boolean email, @Nullable Boolean sms, @Nullable Boolean push) {

	static PreferencesBody of(Map<Channel, Boolean> channels) {
		return new PreferencesBody(channels.get(Channel.EMAIL), channels.get(Channel.SMS), channels.get(Channel.PUSH));
	}

	Map<Channel, Boolean> choices() {
		Map<Channel, Boolean> choices = new EnumMap<>(Channel.class);
		if (this.email != null) {
			choices.put(Channel.EMAIL, this.email);
		}
		if (this.sms != null) {
			choices.put(Channel.SMS, this.sms);
		}
		if (this.push != null) {
			choices.put(Channel.PUSH, this.push);
		}
		return choices;
	}

}
