package dev.mercato.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Reads what the test SMTP server received.
 */
public final class Mails {

	private Mails() {
	}

	/**
	 * Messages received for an address.
	 */
	public static List<MimeMessage> to(GreenMail smtp, String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.anyMatch((r) -> r.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * Messages received for an address whose subject contains a text.
	 */
	public static List<MimeMessage> to(GreenMail smtp, String address, String subjectPart) {
		return to(smtp, address).stream().filter((message) -> subject(message).contains(subjectPart)).toList();
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The decoded content of a part's text/plain body.
	 */
	public static String text(Part part) {
		return find(part, "text/plain");
	}

	/**
	 * The decoded content of a part's text/html body.
	 */
	public static String html(Part part) {
		return find(part, "text/html");
	}

	private static String find(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.isMimeType("multipart/*")) {
				MimeMultipart multipart = (MimeMultipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					String found = find(body, type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
