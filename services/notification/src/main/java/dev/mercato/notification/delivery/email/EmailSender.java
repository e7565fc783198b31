package dev.mercato.notification.delivery.email;

import java.nio.charset.StandardCharsets;

import dev.mercato.notification.Channel;
import dev.mercato.notification.NotificationProperties;
import dev.mercato.notification.delivery.ChannelSender;
import dev.mercato.notification.delivery.DeliveryException;
import dev.mercato.notification.delivery.OutgoingMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP with Spring Mail ({@code spring.mail.*}): a multipart message with the
 * text and HTML bodies. Its Message-ID is derived from the notification id, so a message
 * sent twice (at-least-once delivery) is recognisable as the same message.
 * <p>
 * An SMTP reply 5xx or an unparsable address is permanent; anything else (connection
 * refused, timeouts, 4xx, authentication) is retried.
 */
@Component
class EmailSender implements ChannelSender {

	private final JavaMailSenderImpl mail;

	private final String from;

	EmailSender(JavaMailSenderImpl mail, NotificationProperties properties) {
		this.mail = mail;
		this.from = properties.mail().from();
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public void send(OutgoingMessage message) throws DeliveryException {
		MimeMessage mime;
		try {
			String messageId = "<" + message.notificationId() + "@mercato.dev>";
			mime = new MimeMessage(this.mail.getSession()) {
				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}
			};
			boolean html = message.content().html() != null;
			MimeMessageHelper helper = new MimeMessageHelper(mime, html, StandardCharsets.UTF_8.name());
			helper.setFrom(new InternetAddress(this.from, true));
			helper.setTo(new InternetAddress(message.address(), true));
			helper.setSubject(message.content().subject());
			if (html) {
				helper.setText(message.content().text(), message.content().html());
			}
			else {
				helper.setText(message.content().text());
			}
		}
		catch (AddressException ex) {
			throw DeliveryException.permanent("INVALID_ADDRESS: " + ex.getMessage(), ex);
		}
		catch (MessagingException ex) {
			throw DeliveryException.permanent("INVALID_MESSAGE: " + ex.getMessage(), ex);
		}
		try {
			this.mail.send(mime);
		}
		catch (MailParseException ex) {
			throw DeliveryException.permanent("INVALID_MESSAGE: " + ex.getMessage(), ex);
		}
		catch (MailAuthenticationException ex) {
			throw DeliveryException.transientFailure("SMTP_AUTHENTICATION: " + ex.getMessage(), ex);
		}
		catch (MailSendException ex) {
			int code = smtpReplyCode(ex);
			if (code >= 500) {
				throw DeliveryException.permanent("SMTP_REJECTED " + code + ": " + rootMessage(ex), ex);
			}
			throw DeliveryException.transientFailure(
					((code > 0) ? "SMTP_DEFERRED " + code : "SMTP_UNAVAILABLE") + ": " + rootMessage(ex), ex);
		}
		catch (MailException ex) {
			throw DeliveryException.transientFailure("SMTP_UNAVAILABLE: " + rootMessage(ex), ex);
		}
	}

	// The reply code of the relay's refusal, if it refused: 5xx permanent, 4xx not.
	static int smtpReplyCode(MailSendException ex) {
		for (Exception failure : ex.getMessageExceptions()) {
			for (Throwable cause = failure; cause != null; cause = nextCause(cause)) {
				if (cause instanceof SMTPAddressFailedException address) {
					return address.getReturnCode();
				}
				if (cause instanceof SMTPSendFailedException send) {
					return send.getReturnCode();
				}
			}
		}
		return 0;
	}

	private static Throwable nextCause(Throwable cause) {
		if (cause instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != cause) {
			return messaging.getNextException();
		}
		return (cause.getCause() != cause) ? cause.getCause() : null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
