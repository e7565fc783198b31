package dev.mercato.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mercato.notification.*}.
 *
 * @param publicUrl base URL of the storefront, for links in messages
 * @param mail email settings
 * @param dispatcher delivery settings
 * @param sms SMS provider settings
 * @param push Web Push settings
 * @param historyRetention how long finished notifications (SENT, FAILED, SKIPPED) are
 * kept
 */
@ConfigurationProperties("mercato.notification")
public record NotificationProperties(@DefaultValue("http://localhost:8080") URI publicUrl, @DefaultValue Mail mail,
		@DefaultValue Dispatcher dispatcher, @DefaultValue Sms sms, @DefaultValue Push push,
		@DefaultValue("365d") Duration historyRetention) {

	/**
	 * Email settings.
	 *
	 * @param from the sender address, e.g. {@code Mercato <no-reply@mercato.dev>}
	 */
	public record Mail(@DefaultValue("Mercato <no-reply@mercato.dev>") String from) {

	}

	/**
	 * How the dispatcher delivers.
	 *
	 * @param pollInterval pause between two polls when nothing was due
	 * @param batchSize notifications claimed per poll
	 * @param lease how long a claimed notification is hidden from other instances
	 * @param maxAttempts sending attempts before a notification is FAILED
	 * @param initialBackoff wait after the first failed attempt
	 * @param multiplier growth of the wait per attempt
	 * @param maxBackoff longest wait between attempts
	 * @param recipientWait how long a notification waits for its user to appear in the
	 * replica before it is FAILED
	 * @param concurrency messages of a batch sent at the same time (virtual threads)
	 */
	public record Dispatcher(@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
			@DefaultValue("2m") Duration lease, @DefaultValue("8") int maxAttempts,
			@DefaultValue("10s") Duration initialBackoff, @DefaultValue("3.0") double multiplier,
			@DefaultValue("30m") Duration maxBackoff, @DefaultValue("1h") Duration recipientWait,
			@DefaultValue("4") int concurrency) {

		public Dispatcher {
			if (batchSize < 1 || maxAttempts < 1 || multiplier < 1.0 || concurrency < 1) {
				throw new IllegalArgumentException("mercato.notification.dispatcher: batch-size, max-attempts and"
						+ " concurrency must be >= 1, multiplier >= 1");
			}
		}

		/**
		 * The wait after a failed attempt:
		 * {@code initialBackoff * multiplier^(attempt-1)}, at most {@code maxBackoff}.
		 * @param attempt the attempt that failed, from 1
		 * @return the wait before the next attempt
		 */
		public Duration backoff(int attempt) {
			double millis = this.initialBackoff.toMillis() * Math.pow(this.multiplier, Math.max(0, attempt - 1));
			return (millis >= this.maxBackoff.toMillis()) ? this.maxBackoff : Duration.ofMillis((long) millis);
		}

	}

	/**
	 * A Twilio-style SMS API: {@code POST
	 * {baseUrl}/2010-04-01/Accounts/{accountSid}/Messages.json}.
	 *
	 * @param baseUrl the provider's base URL
	 * @param accountSid the account; blank switches the SMS channel off
	 * @param authToken the secret (basic auth password)
	 * @param from the sending number
	 * @param timeout connect and read timeout
	 */
	public record Sms(@DefaultValue("https://api.twilio.com") String baseUrl, @DefaultValue("") String accountSid,
			@DefaultValue("") String authToken, @DefaultValue("") String from, @DefaultValue("10s") Duration timeout) {

		/**
		 * Whether an account is configured.
		 * @return whether SMS can be sent
		 */
		public boolean configured() {
			return !this.accountSid.isBlank();
		}

	}

	/**
	 * Web Push (RFC 8030/8291/8292).
	 *
	 * @param subject the VAPID subject, a {@code mailto:} or {@code https:} URL
	 * @param ttl how long a push service keeps an undelivered message
	 * @param timeout connect and read timeout
	 * @param allowHttp whether subscriptions may name plain-HTTP endpoints (tests, a
	 * local push stub); push services use HTTPS, and refusing anything else keeps users
	 * from making the service post to arbitrary internal URLs
	 */
	public record Push(@DefaultValue("mailto:ops@mercato.dev") String subject, @DefaultValue("1d") Duration ttl,
			@DefaultValue("10s") Duration timeout, @DefaultValue("false") boolean allowHttp) {

	}

}
