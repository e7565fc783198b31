package dev.mercato.notification.template;

import dev.mercato.platform.web.NotFoundException;

/**
 * No template of that name can exist: unknown event key or channel.
 */
public class UnknownTemplateException extends NotFoundException {

	UnknownTemplateException(String key) {
		super("TEMPLATE_NOT_FOUND", "There is no template '" + key
				+ "': keys are <event>.<channel>, e.g. order.paid.email (channels: email, sms, push)");
	}

}
