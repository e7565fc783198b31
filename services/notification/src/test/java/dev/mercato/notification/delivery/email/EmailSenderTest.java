package dev.mercato.notification.delivery.email;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSenderTest {

	@Test
	void theRelaysReplyCodeDecidesWhetherToRetry() throws Exception {
		InternetAddress to = new InternetAddress("x@example.com");
		MailSendException rejected = new MailSendException(Map.of("m", new SMTPSendFailedException("DATA", 554,
				"554 5.7.1 rejected", null, new Address[0], new Address[0], new Address[] { to })));
		assertThat(EmailSender.smtpReplyCode(rejected)).isEqualTo(554);

		MessagingException deferred = new MessagingException("send failed");
		deferred.setNextException(new SMTPAddressFailedException(to, "RCPT TO", 451, "451 4.3.0 try later"));
		assertThat(EmailSender.smtpReplyCode(new MailSendException(Map.of("m", deferred)))).isEqualTo(451);

		MailSendException down = new MailSendException("Mail server connection failed",
				new MessagingException("Couldn't connect", new ConnectException("Connection refused")));
		assertThat(EmailSender.smtpReplyCode(down)).isZero();
	}

}
