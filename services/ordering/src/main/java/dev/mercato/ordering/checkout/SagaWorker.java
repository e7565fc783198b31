package dev.mercato.ordering.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.mercato.ordering.OrderingProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes sagas nobody is running: those waiting out a backoff after a participant was
 * unavailable, those handed over by a checkout request that stopped waiting, and those
 * whose process died (their lease ran out; a restarted instance takes its own back at
 * start). Claims use {@code FOR UPDATE SKIP LOCKED}, so several instances share the work
 * without running one saga twice at a time.
 */
@Component
class SagaWorker {

	private static final Logger log = LoggerFactory.getLogger(SagaWorker.class);

	private final SagaSteps steps;

	private final CheckoutSaga saga;

	private final OrderingProperties.Saga settings;

	private final Clock clock;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private volatile boolean ready;

	SagaWorker(SagaSteps steps, CheckoutSaga saga, OrderingProperties properties, Clock clock) {
		this.steps = steps;
		this.saga = saga;
		this.settings = properties.saga();
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeAfterStart() {
		try {
			int own = this.steps.takeBackOwn();
			if (own > 0) {
				log.info("Resuming {} checkout saga(s) this instance held before it stopped", own);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not take back this instance's sagas: {}", ex.getMessage());
		}
		this.ready = true;
		runDue();
	}

	@PreDestroy
	void stop() {
		this.ready = false;
		this.executor.shutdownNow();
	}

	@Scheduled(fixedDelayString = "${mercato.ordering.saga.worker-interval:1s}")
	void runDue() {
		if (!this.ready) {
			return;
		}
		try {
			List<UUID> due;
			do {
				due = this.steps.claimDue(this.settings.batchSize());
				Instant giveUpAt = this.clock.instant().plus(this.settings.lease().dividedBy(2));
				List<Future<?>> running = new ArrayList<>();
				for (UUID id : due) {
					running.add(this.executor.submit(() -> this.saga.advance(id, giveUpAt)));
				}
				for (Future<?> future : running) {
					try {
						future.get();
					}
					catch (java.util.concurrent.ExecutionException ex) {
						log.warn("Saga run failed", ex.getCause());
					}
				}
			}
			while (due.size() == this.settings.batchSize());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Saga worker round failed: {}", ex.getMessage());
		}
	}

}
