package dev.mercato.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ordering service ({@code mercato.ordering.*}).
 *
 * @param saga the checkout saga's timing
 * @param cart the cart's bounds and price cache
 */
@ConfigurationProperties("mercato.ordering")
public record OrderingProperties(@DefaultValue Saga saga, @DefaultValue Cart cart) {

	/**
	 * Timing of the checkout saga.
	 *
	 * @param timeout a checkout not final by then is compensated with reason TIMEOUT
	 * @param callDeadline deadline of each participant call except Charge/Refund
	 * @param paymentDeadline deadline of Charge and Refund (payment waits for its
	 * provider, up to its own provider timeout)
	 * @param waitForOutcome how long the checkout request runs the saga before answering
	 * 202
	 * @param lease how long a running saga is left alone by other workers
	 * @param workerInterval how often the worker looks for due sagas
	 * @param batchSize sagas claimed per worker round
	 * @param backoffInitial first retry delay after a participant was unavailable
	 * @param backoffMax longest retry delay
	 */
	public record Saga(@DefaultValue("5m") Duration timeout, @DefaultValue("5s") Duration callDeadline,
			@DefaultValue("15s") Duration paymentDeadline, @DefaultValue("5s") Duration waitForOutcome,
			@DefaultValue("20s") Duration lease, @DefaultValue("1s") Duration workerInterval,
			@DefaultValue("20") int batchSize, @DefaultValue("1s") Duration backoffInitial,
			@DefaultValue("30s") Duration backoffMax) {

		/**
		 * The delay before the given attempt, doubling from the initial delay up to the
		 * maximum.
		 * @param attempts failed attempts so far (1 for the first retry)
		 * @return the delay
		 */
		public Duration backoff(int attempts) {
			long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
			Duration delay = this.backoffInitial.multipliedBy(factor);
			return (delay.compareTo(this.backoffMax) > 0) ? this.backoffMax : delay;
		}

	}

	/**
	 * Cart limits.
	 *
	 * @param maxQuantity largest quantity of one line
	 * @param maxLines most lines in a cart or an order
	 * @param priceCacheTtl how long catalog answers are reused
	 */
	public record Cart(@DefaultValue("99") int maxQuantity, @DefaultValue("50") int maxLines,
			@DefaultValue("10s") Duration priceCacheTtl) {

	}

}
