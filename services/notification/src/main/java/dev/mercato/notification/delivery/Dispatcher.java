package dev.mercato.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.mercato.notification.Channel;
import dev.mercato.notification.NotificationProperties;
import dev.mercato.notification.event.EventKey;
import dev.mercato.notification.event.Models;
import dev.mercato.notification.recipient.Recipient;
import dev.mercato.notification.recipient.Recipients;
import dev.mercato.notification.template.InvalidTemplateException;
import dev.mercato.notification.template.RenderedMessage;
import dev.mercato.notification.template.Template;
import dev.mercato.notification.template.TemplateKey;
import dev.mercato.notification.template.TemplateRenderer;
import dev.mercato.notification.template.TemplateService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends queued notifications. One thread per instance claims due rows
 * ({@code SKIP LOCKED} with a lease, so several instances share the queue), renders the
 * template current at send time, sends through the channel and records the outcome: SENT,
 * a retry with exponential backoff, FAILED (permanent failure or too many attempts) or
 * SKIPPED.
 * <p>
 * Delivery is at least once: a crash after the provider accepted a message and before
 * SENT was recorded sends it again when the lease ends (the email keeps its Message-ID).
 */
@Component
public class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {
	};

	private final Notifications notifications;

	private final TemplateService templates;

	private final TemplateRenderer renderer;

	private final Recipients recipients;

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final NotificationProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wake = this.lock.newCondition();

	private boolean woken;

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	Dispatcher(Notifications notifications, TemplateService templates, TemplateRenderer renderer, Recipients recipients,
			List<ChannelSender> senders, NotificationProperties properties, JsonMapper json, Clock clock,
			MeterRegistry meters) {
		this.notifications = notifications;
		this.templates = templates;
		this.renderer = renderer;
		this.recipients = recipients;
		senders.forEach((sender) -> this.senders.put(sender.channel(), sender));
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.meters = meters;
		Gauge.builder("mercato.notifications.pending", notifications, Notifications::pending)
			.description("Notifications waiting to be sent (due or backing off)")
			.register(meters);
	}

	/**
	 * Makes the dispatcher poll now instead of after its interval (after a commit that
	 * queued notifications).
	 */
	public void wakeUp() {
		this.lock.lock();
		try {
			this.woken = true;
			this.wake.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Claims and sends one batch of due notifications.
	 * @return how many were claimed
	 */
	public int dispatchDue() {
		NotificationProperties.Dispatcher config = this.properties.dispatcher();
		List<Notification> due = this.notifications.claimDue(config.batchSize(), config.lease());
		if (due.size() == 1 || config.concurrency() == 1) {
			due.forEach(this::deliverSafely);
			return due.size();
		}
		// sending waits on the network: a virtual thread per message, at most concurrency
		// at once
		Semaphore permits = new Semaphore(config.concurrency());
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Notification notification : due) {
				permits.acquireUninterruptibly();
				executor.submit(() -> {
					try {
						deliverSafely(notification);
					}
					finally {
						permits.release();
					}
				});
			}
		}
		return due.size();
	}

	private void deliverSafely(Notification notification) {
		try {
			deliver(notification);
		}
		catch (RuntimeException ex) {
			// never let one notification stop the others; the lease brings it back
			log.warn("Delivering notification {} failed unexpectedly", notification.id(), ex);
		}
	}

	private void deliver(Notification notification) {
		boolean sensitive = notification.sensitive();
		Optional<EventKey> key = EventKey.of(notification.eventKey());
		Optional<Template> template = key
			.flatMap((k) -> this.templates.forSending(new TemplateKey(k, notification.channel())));
		if (template.isEmpty() || !template.get().enabled()) {
			skip(notification, "TEMPLATE_DISABLED");
			return;
		}
		ChannelSender sender = this.senders.get(notification.channel());
		if (sender == null || !sender.available()) {
			skip(notification, notification.channel() + "_NOT_CONFIGURED");
			return;
		}
		Recipient recipient = this.recipients.find(notification.userId()).orElse(null);
		String address = address(notification, recipient);
		if (address == null && notification.channel() != Channel.PUSH) {
			if (recipient != null) {
				skip(notification, (notification.channel() == Channel.SMS) ? "NO_PHONE" : "NO_ADDRESS");
			}
			else {
				waitForRecipient(notification);
			}
			return;
		}
		Map<String, Object> model = (notification.model() != null) ? this.json.readValue(notification.model(), MODEL)
				: Map.of();
		Map<String, Object> complete = Models.withRecipient(model, (recipient != null) ? recipient.firstName() : null,
				(recipient != null) ? recipient.lastName() : null, (recipient != null) ? recipient.email() : address,
				this.properties.publicUrl());
		RenderedMessage message;
		try {
			message = this.renderer.render(template.get(), complete);
		}
		catch (InvalidTemplateException ex) {
			fail(notification, "TEMPLATE_ERROR: " + ex.getMessage(), false);
			return;
		}
		try {
			sender.send(new OutgoingMessage(notification.id(), notification.userId(), address, message));
			this.notifications.markSent(notification.id(), message.subject(), sensitive);
			count(notification, "sent");
		}
		catch (DeliveryException ex) {
			int attempt = notification.attempts() + 1;
			String reason = ex.getMessage();
			if (ex.isPermanent()) {
				fail(notification, reason, true);
			}
			else if (attempt >= this.properties.dispatcher().maxAttempts()) {
				fail(notification, "MAX_ATTEMPTS (" + attempt + "): " + reason, true);
			}
			else {
				Duration backoff = this.properties.dispatcher().backoff(attempt);
				this.notifications.markRetry(notification.id(), reason, this.clock.instant().plus(backoff), true);
				count(notification, "retried");
				log.info("Notification {} ({} {}) attempt {} failed, retry in {}: {}", notification.id(),
						notification.eventKey(), notification.channel(), attempt, backoff, reason);
			}
		}
	}

	private @Nullable String address(Notification notification, @Nullable Recipient recipient) {
		return switch (notification.channel()) {
			case EMAIL -> (notification.address() != null) ? notification.address()
					: (recipient != null) ? recipient.email() : null;
			case SMS -> (recipient != null) ? recipient.phone() : null;
			case PUSH -> null;
		};
	}

	// The event can overtake user.created: keep the notification, ask again later, give
	// up
	// after recipient-wait (ADR 0021).
	private void waitForRecipient(Notification notification) {
		Instant now = this.clock.instant();
		Duration age = Duration.between(notification.createdAt(), now);
		NotificationProperties.Dispatcher config = this.properties.dispatcher();
		if (age.compareTo(config.recipientWait()) > 0) {
			fail(notification, "RECIPIENT_UNKNOWN: user " + notification.userId() + " never appeared", false);
			return;
		}
		Duration wait = age.dividedBy(2);
		wait = (wait.compareTo(config.initialBackoff()) < 0) ? config.initialBackoff() : wait;
		wait = (wait.compareTo(config.maxBackoff()) > 0) ? config.maxBackoff() : wait;
		this.notifications.markRetry(notification.id(), "RECIPIENT_UNKNOWN: waiting for user " + notification.userId(),
				now.plus(wait), false);
		count(notification, "waiting");
	}

	private void fail(Notification notification, String reason, boolean attempted) {
		this.notifications.markFailed(notification.id(), reason, attempted, notification.sensitive());
		count(notification, "failed");
		log.warn("Notification {} ({} {}) FAILED: {}", notification.id(), notification.eventKey(),
				notification.channel(), reason);
	}

	private void skip(Notification notification, String reason) {
		this.notifications.markSkipped(notification.id(), reason, notification.sensitive());
		count(notification, "skipped");
	}

	private void count(Notification notification, String outcome) {
		Counter.builder("mercato.notifications.delivery")
			.description("Delivery attempts of notifications, by channel and outcome")
			.tag("channel", notification.channel().name().toLowerCase(java.util.Locale.ROOT))
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private void loop() {
		Duration interval = this.properties.dispatcher().pollInterval();
		while (this.running) {
			int claimed = 0;
			try {
				claimed = dispatchDue();
			}
			catch (RuntimeException ex) {
				log.warn("Notification dispatcher could not poll: {}", ex.getMessage());
			}
			if (claimed < this.properties.dispatcher().batchSize()) {
				await(interval);
			}
		}
	}

	private void await(Duration interval) {
		this.lock.lock();
		try {
			if (!this.woken && this.running) {
				this.wake.await(interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			this.woken = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("notification-dispatcher").daemon().start(this::loop);
	}

	@Override
	public void stop() {
		this.running = false;
		wakeUp();
		Thread current = this.thread;
		if (current != null) {
			try {
				current.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stops before the data source and the message listeners' phase ends
		return Integer.MAX_VALUE - 2048;
	}

}
