package dev.mercato.notification.delivery.email;

import java.net.ConnectException;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.mercato.notification.NotificationProperties;
import dev.mercato.notification.delivery.OutgoingMessage;
import dev.mercato.notification.template.RenderedMessage;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSenderTest {

	@Test
	void theRelaysReplyCodeDecidesWhetherToRetry() throws Exception {
		InternetAddress to = new InternetAddress("x@example.com");
		MessagingException rejected = new SMTPSendFailedException("DATA", 554, "554 5.7.1 rejected", null,
				new Address[0], new Address[0], new Address[] { to });
		assertThat(EmailSender.smtpReplyCode(rejected)).isEqualTo(554);

		MessagingException deferred = new MessagingException("send failed");
		deferred.setNextException(new SMTPAddressFailedException(to, "RCPT TO", 451, "451 4.3.0 try later"));
		assertThat(EmailSender.smtpReplyCode(deferred)).isEqualTo(451);

		MessagingException down = new MessagingException("Couldn't connect",
				new ConnectException("Connection refused"));
		assertThat(EmailSender.smtpReplyCode(down)).isZero();
	}

	@Test
	void oneConnectionCarriesConsecutiveMessagesAndADroppedOneIsReplaced() throws Exception {
		ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
		GreenMail smtp = new GreenMail(setup);
		smtp.start();
		int port = smtp.getSmtp().getPort();
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		EmailSender sender = new EmailSender(mail, properties());
		try {
			for (int i = 0; i < 3; i++) {
				sender.send(message("first-" + i));
			}
			assertThat(smtp.getReceivedMessages()).hasSize(3);
			assertThat(sender.idleConnections()).isEqualTo(1);
			// the server goes away and comes back: the pooled connection is dead
			smtp.stop();
			smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			sender.send(message("after-restart"));
			assertThat(smtp.getReceivedMessages()).hasSize(1);
			assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("after-restart");
			assertThat(sender.idleConnections()).isEqualTo(1);
		}
		finally {
			sender.destroy();
			smtp.stop();
		}
		assertThat(sender.idleConnections()).isZero();
	}

	private static OutgoingMessage message(String subject) {
		return new OutgoingMessage(UUID.randomUUID(), UUID.randomUUID(), "someone@example.com",
				new RenderedMessage(subject, null, "text of " + subject));
	}

	private static NotificationProperties properties() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("mercato.notification",
				NotificationProperties.class);
	}

}
