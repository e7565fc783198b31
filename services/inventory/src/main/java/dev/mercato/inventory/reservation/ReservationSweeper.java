package dev.mercato.inventory.reservation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases reservations past their expiry. Safe with several instances: each batch locks
 * its reservations with {@code for update skip locked}, so instances take disjoint
 * batches.
 */
@Component
class ReservationSweeper {

	private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

	/** Batches per run, so one run cannot monopolise the scheduler thread. */
	private static final int MAX_BATCHES = 50;

	private final ReservationService reservations;

	private final Counter expiredCounter;

	ReservationSweeper(ReservationService reservations, MeterRegistry meters) {
		this.reservations = reservations;
		this.expiredCounter = Counter.builder("mercato.inventory.reservations.expired")
			.description("Reservations the sweeper released after their expiry")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${mercato.inventory.reservation.sweep-interval:10s}",
			initialDelayString = "${mercato.inventory.reservation.sweep-interval:10s}")
	void sweep() {
		try {
			int expired = 0;
			for (int batch = 0; batch < MAX_BATCHES; batch++) {
				int count = this.reservations.expireDue();
				expired += count;
				this.expiredCounter.increment(count);
				if (count == 0) {
					break;
				}
			}
			if (expired > 0) {
				log.info("Released {} expired reservations", expired);
			}
		}
		catch (RuntimeException ex) {
			// the next run retries; the reservations stay due
			log.warn("Expiring reservations failed", ex);
		}
	}

}
