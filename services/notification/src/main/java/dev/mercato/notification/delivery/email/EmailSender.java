package dev.mercato.notification.delivery.email;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import dev.mercato.notification.Channel;
import dev.mercato.notification.NotificationProperties;
import dev.mercato.notification.delivery.ChannelSender;
import dev.mercato.notification.delivery.DeliveryException;
import dev.mercato.notification.delivery.OutgoingMessage;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP with Spring Mail ({@code spring.mail.*}): a multipart message with the
 * text and HTML bodies. Its Message-ID is derived from the notification id, so a message
 * sent twice (at-least-once delivery) is recognisable as the same message.
 * <p>
 * SMTP connections are kept open and reused (at most one idle connection per concurrent
 * sender, each closed after {@value #KEEP_ALIVE_SECONDS} s unused): connecting, greeting
 * and saying goodbye cost more than a short message itself. A reused connection that
 * fails is replaced once by a fresh one; any failure closes the connection it happened
 * on.
 * <p>
 * An SMTP reply 5xx or an unparsable address is permanent; anything else (connection
 * refused, timeouts, 4xx, authentication) is retried.
 */
@Component
class EmailSender implements ChannelSender, DisposableBean {

	static final int KEEP_ALIVE_SECONDS = 30;

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final JavaMailSenderImpl mail;

	private final String from;

	private final int maxIdle;

	/** Open connections nobody is using, most recently used first. */
	private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

	EmailSender(JavaMailSenderImpl mail, NotificationProperties properties) {
		this.mail = mail;
		this.from = properties.mail().from();
		this.maxIdle = properties.dispatcher().concurrency();
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
			helper.setSentDate(new Date());
			mime.saveChanges();
		}
		catch (AddressException ex) {
			throw DeliveryException.permanent("INVALID_ADDRESS: " + ex.getMessage(), ex);
		}
		catch (MessagingException ex) {
			throw DeliveryException.permanent("INVALID_MESSAGE: " + ex.getMessage(), ex);
		}
		try {
			send(mime);
		}
		catch (AuthenticationFailedException ex) {
			throw DeliveryException.transientFailure("SMTP_AUTHENTICATION: " + ex.getMessage(), ex);
		}
		catch (MessagingException ex) {
			int code = smtpReplyCode(ex);
			if (code >= 500) {
				throw DeliveryException.permanent("SMTP_REJECTED " + code + ": " + rootMessage(ex), ex);
			}
			throw DeliveryException.transientFailure(
					((code > 0) ? "SMTP_DEFERRED " + code : "SMTP_UNAVAILABLE") + ": " + rootMessage(ex), ex);
		}
	}

	// On an idle connection if there is one (a dead one is replaced once), else on a new
	// one; the connection goes back to the pool only after a successful send.
	private void send(MimeMessage mime) throws MessagingException {
		Connection connection = takeIdle();
		if (connection != null) {
			try {
				connection.transport().sendMessage(mime, mime.getAllRecipients());
				giveBack(connection);
				return;
			}
			catch (MessagingException ex) {
				close(connection);
				if (smtpReplyCode(ex) > 0) {
					// the server answered: it refused this message, not the connection
					throw ex;
				}
				log.debug("Reused SMTP connection failed, sending on a new one: {}", ex.getMessage());
			}
		}
		connection = connect();
		try {
			connection.transport().sendMessage(mime, mime.getAllRecipients());
		}
		catch (MessagingException ex) {
			close(connection);
			throw ex;
		}
		giveBack(connection);
	}

	private @Nullable Connection takeIdle() {
		long now = System.nanoTime();
		for (Connection connection = this.idle.pollFirst(); connection != null; connection = this.idle.pollFirst()) {
			// no NOOP round trip to test it: a connection the server dropped fails the
			// send, which is then repeated on a new one
			if (now - connection.idleSince() < TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS)) {
				return connection;
			}
			close(connection);
		}
		return null;
	}

	private void giveBack(Connection connection) {
		if (this.idle.size() >= this.maxIdle) {
			close(connection);
			return;
		}
		this.idle.offerFirst(new Connection(connection.transport(), System.nanoTime()));
	}

	private Connection connect() throws MessagingException {
		Transport transport = this.mail.getSession().getTransport(protocol());
		String username = this.mail.getUsername();
		String password = this.mail.getPassword();
		if (username != null && username.isEmpty()) {
			username = null;
			password = (password != null && password.isEmpty()) ? null : password;
		}
		transport.connect(this.mail.getHost(), this.mail.getPort(), username, password);
		return new Connection(transport, System.nanoTime());
	}

	private String protocol() {
		String protocol = this.mail.getProtocol();
		return (protocol != null) ? protocol : "smtp";
	}

	private static void close(Connection connection) {
		try {
			connection.transport().close();
		}
		catch (MessagingException ex) {
			// the connection is gone either way
		}
	}

	/**
	 * How many connections are open and unused.
	 * @return the count
	 */
	int idleConnections() {
		return this.idle.size();
	}

	@Override
	public void destroy() {
		for (Connection connection = this.idle.pollFirst(); connection != null; connection = this.idle.pollFirst()) {
			close(connection);
		}
	}

	private record Connection(Transport transport, long idleSince) {
	}

	// The reply code of the relay's refusal, if it refused: 5xx permanent, 4xx not.
	static int smtpReplyCode(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = nextCause(cause)) {
			if (cause instanceof SMTPAddressFailedException address) {
				return address.getReturnCode();
			}
			if (cause instanceof SMTPSendFailedException send) {
				return send.getReturnCode();
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
