package dev.mercato.payment.provider.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.mercato.payment.PaymentProperties;
import dev.mercato.payment.provider.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the sandbox's webhooks as a provider does: signed with the endpoint secret at
 * each attempt, retried with exponential backoff until a 2xx answer or
 * {@code webhook-max-attempts}. Due rows are claimed with {@code SKIP LOCKED}, so several
 * instances never send the same attempt twice.
 */
@Component
@ConditionalOnProperty(name = "mercato.payment.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxWebhookSender {

	private static final Logger log = LoggerFactory.getLogger(SandboxWebhookSender.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final PaymentProperties.Sandbox config;

	private final Environment environment;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	SandboxWebhookSender(JdbcClient jdbc, TransactionTemplate tx, PaymentProperties properties, Environment environment,
			Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.config = properties.sandbox();
		this.environment = environment;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mercato.payment.sandbox.webhook-poll-interval:200ms}")
	void deliverDue() {
		Integer sent;
		do {
			sent = this.tx.execute((status) -> deliverBatch());
		}
		while (sent != null && sent > 0);
	}

	private int deliverBatch() {
		List<Due> due = this.jdbc.sql("""
				select id, event_id, payload, attempts from sandbox_webhooks
				where delivered_at is null and next_attempt_at <= ? and attempts < ?
				order by id limit 10 for update skip locked""")
			.params(OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), this.config.webhookMaxAttempts())
			.query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
		for (Due webhook : due) {
			Instant now = this.clock.instant();
			if (send(webhook)) {
				this.jdbc.sql("update sandbox_webhooks set delivered_at = ?, attempts = attempts + 1 where id = ?")
					.params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), webhook.id)
					.update();
			}
			else {
				long backoffMs = Math.min(60_000, 500L << Math.min(webhook.attempts, 7));
				this.jdbc.sql("update sandbox_webhooks set attempts = attempts + 1, next_attempt_at = ? where id = ?")
					.params(OffsetDateTime.ofInstant(now.plusMillis(backoffMs), ZoneOffset.UTC), webhook.id)
					.update();
			}
		}
		return due.size();
	}

	private boolean send(Due webhook) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url()))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature",
					WebhookSignature.sign(webhook.payload, this.config.webhookSecret(), this.clock.instant()))
			.POST(HttpRequest.BodyPublishers.ofString(webhook.payload))
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status / 100 != 2) {
				log.info("Sandbox webhook {} answered {} (attempt {})", webhook.eventId, status, webhook.attempts + 1);
			}
			return status / 100 == 2;
		}
		catch (IOException ex) {
			log.info("Sandbox webhook {} not delivered (attempt {}): {}", webhook.eventId, webhook.attempts + 1,
					ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String url() {
		if (this.config.webhookUrl() != null && !this.config.webhookUrl().isBlank()) {
			return this.config.webhookUrl();
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8085"));
		return "http://localhost:" + port + "/api/payments/webhooks/sandbox";
	}

	private record Due(long id, String eventId, String payload, int attempts) {

	}

}
