package dev.mercato.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mercato.platform.events.EventPublisher.Outcome;
import dev.mercato.platform.events.EventPublisher.Result;

/**
 * Sends outbox rows to the broker. One background thread per instance; it wakes after
 * every commit that wrote outbox rows and on every poll interval, claims the oldest due
 * rows with {@code FOR UPDATE SKIP LOCKED} (so several instances never send a row twice
 * at once), publishes them as one batch, awaits the confirms and records the outcome in
 * the same transaction. All state is in the table: a restarted instance carries on.
 * <p>
 * A row the broker could not route is retried on its own backoff
 * ({@code next_attempt_at}). When the broker is unavailable (connection refused or lost,
 * nack, confirm timeout) the failure is the relay's, not the rows': they get
 * {@code attempts + 1} and {@code last_error} but stay due, and the relay pauses as a
 * whole with exponential backoff. So after an outage, or a restart during one, rows leave
 * in id order.
 * <p>
 * The relay also deletes sent rows after their retention, and inbox entries after theirs.
 */
final class OutboxRelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofMinutes(1);

	private final EventStore store;

	private final TransactionTemplate transaction;

	private final EventPublisher publisher;

	private final EventsProperties.Outbox settings;

	private final Duration inboxRetention;

	private final Semaphore wakeUps = new Semaphore(0);

	private final AtomicLong backlog = new AtomicLong();

	private final Counter published;

	private final Counter unroutable;

	private final Counter unavailable;

	private volatile boolean running;

	private Thread worker;

	// Owned by the worker thread only.
	private int consecutiveFailures;

	private long pausedUntilNanos;

	private long nextHousekeepingNanos;

	OutboxRelay(EventStore store, TransactionTemplate transaction, EventPublisher publisher,
			EventsProperties.Outbox settings, Duration inboxRetention, MeterRegistry meters) {
		this.store = store;
		this.transaction = transaction;
		this.publisher = publisher;
		this.settings = settings;
		this.inboxRetention = inboxRetention;
		this.published = Counter.builder("mercato.events.outbox.published")
			.description("Outbox events confirmed by the broker")
			.register(meters);
		this.unroutable = Counter.builder("mercato.events.outbox.unroutable")
			.description("Outbox events the broker took but no queue was bound for")
			.register(meters);
		this.unavailable = failures(meters, "unavailable");
		Gauge.builder("mercato.events.outbox.backlog", this.backlog, AtomicLong::get)
			.description("Outbox events not yet sent")
			.register(meters);
	}

	private static Counter failures(MeterRegistry meters, String reason) {
		return Counter.builder("mercato.events.outbox.failures")
			.description("Outbox events the broker did not take")
			.tag("reason", reason)
			.register(meters);
	}

	/** Makes the relay look for rows now (called after a commit that wrote some). */
	void wake() {
		this.wakeUps.release();
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.wakeUps.release();
		try {
			// A batch in flight finishes (at most the confirm timeout) so its outcome is
			// recorded; an unrecorded batch would only be sent again, never lost.
			this.worker.join(this.settings.confirmTimeout().plusSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		this.nextHousekeepingNanos = System.nanoTime();
		while (this.running) {
			try {
				awaitWakeUp();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!this.running) {
				return;
			}
			try {
				if (!isPaused()) {
					relayAll();
				}
				// Refreshed while paused too: a growing backlog is what an outage looks
				// like.
				this.backlog.set(this.store.backlog());
				housekeeping();
			}
			catch (RuntimeException ex) {
				// Typically the database is unavailable.
				Duration pause = pause();
				logger.warn("Outbox relay failed, pausing " + pause + ": " + ex, ex);
			}
		}
	}

	private boolean isPaused() {
		return System.nanoTime() - this.pausedUntilNanos < 0;
	}

	private Duration pause() {
		this.consecutiveFailures++;
		Duration pause = this.settings.backoff().delayAfter(this.consecutiveFailures);
		this.pausedUntilNanos = System.nanoTime() + pause.toNanos();
		return pause;
	}

	private void awaitWakeUp() throws InterruptedException {
		if (isPaused()) {
			// Wake-ups after commits do not end a pause; stop() does.
			while (this.running && isPaused()) {
				this.wakeUps.tryAcquire(this.pausedUntilNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
		}
		else {
			this.wakeUps.tryAcquire(this.settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
		}
		this.wakeUps.drainPermits();
	}

	private void relayAll() {
		int claimed;
		do {
			claimed = relayBatch();
		}
		while (claimed == this.settings.batchSize() && this.running && !isPaused());
	}

	/**
	 * Claims, publishes and records one batch.
	 * @return how many rows were claimed
	 */
	int relayBatch() {
		Batch batch = this.transaction.execute((status) -> {
			List<OutboxRow> rows = this.store.claimDue(this.settings.batchSize());
			if (rows.isEmpty()) {
				return new Batch(0, null);
			}
			List<Result> results = this.publisher.publish(rows, this.settings.confirmTimeout());
			return record(rows, results);
		});
		if (batch.unavailable() != null) {
			// Paused after the commit, so the failed rows are recorded before anyone
			// retries.
			Duration pause = pause();
			logger.warn("Broker unavailable, outbox relay pausing " + pause + ": " + batch.unavailable());
		}
		else {
			this.consecutiveFailures = 0;
		}
		return batch.claimed();
	}

	private Batch record(List<OutboxRow> rows, List<Result> results) {
		List<Long> sent = new ArrayList<>();
		List<Long> unavailable = new ArrayList<>();
		String unavailableError = null;
		for (int i = 0; i < rows.size(); i++) {
			OutboxRow row = rows.get(i);
			Result result = results.get(i);
			switch (result.outcome()) {
				case SENT -> sent.add(row.id());
				case UNROUTABLE -> {
					// No queue is bound for it: nobody subscribes to this event (yet). In
					// publish-subscribe that is a delivery to zero subscribers, not a
					// failure;
					// a consumer receives the events published after its queue exists.
					sent.add(row.id());
					this.unroutable.increment();
					if (logger.isDebugEnabled()) {
						logger.debug("Outbox event " + row.eventId() + " (" + row.type() + ") has no subscriber: "
								+ result.error());
					}
				}
				case UNAVAILABLE -> {
					unavailable.add(row.id());
					unavailableError = result.error();
				}
				case NOT_ATTEMPTED -> {
				}
			}
		}
		this.store.markSent(sent);
		this.published.increment(sent.size());
		if (!unavailable.isEmpty()) {
			// Not the rows' fault: they stay due and the relay pauses instead
			// (relayBatch),
			// so whichever relay resumes first sends them in id order.
			this.store.markFailed(unavailable, unavailableError, Duration.ZERO);
			this.unavailable.increment(unavailable.size());
		}
		return new Batch(rows.size(),
				unavailable.isEmpty() ? null : unavailable.size() + " event(s) not confirmed: " + unavailableError);
	}

	private void housekeeping() {
		if (System.nanoTime() - this.nextHousekeepingNanos < 0) {
			return;
		}
		this.nextHousekeepingNanos = System.nanoTime() + HOUSEKEEPING_INTERVAL.toNanos();
		int outbox = this.store.deleteSentBefore(this.settings.retention());
		int inbox = this.store.deleteProcessedBefore(this.inboxRetention);
		if (outbox + inbox > 0 && logger.isDebugEnabled()) {
			logger.debug("Deleted " + outbox + " sent outbox row(s) and " + inbox + " inbox row(s)");
		}
	}

	/**
	 * @param unavailable why the broker did not take the batch, or {@code null} when it
	 * did
	 */
	private record Batch(int claimed, @Nullable String unavailable) {
	}

}
