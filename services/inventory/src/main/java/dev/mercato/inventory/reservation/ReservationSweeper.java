package dev.mercato.inventory.reservation;

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

	ReservationSweeper(ReservationService reservations) {
		this.reservations = reservations;
	}

	@Scheduled(fixedDelayString = "${mercato.inventory.reservation.sweep-interval:10s}",
			initialDelayString = "${mercato.inventory.reservation.sweep-interval:10s}")
	void sweep() {
		try {
			int expired = 0;
			for (int batch = 0; batch < MAX_BATCHES; batch++) {
				int count = this.reservations.expireDue();
				expired += count;
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
