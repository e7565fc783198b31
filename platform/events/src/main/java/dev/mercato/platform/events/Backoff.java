package dev.mercato.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exponential backoff: the first retry waits {@code initialInterval}, each further one
 * {@code multiplier} times longer, never more than {@code maxInterval}. Bound from
 * configuration ({@code mercato.events.outbox.backoff}) the defaults are 1s, 2.0 and 1m.
 *
 * @param initialInterval the delay before the first retry
 * @param multiplier the growth factor, at least 1
 * @param maxInterval the longest delay
 */
public record Backoff(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2.0") double multiplier,
		@DefaultValue("1m") Duration maxInterval) {

	/**
	 * Validates the settings.
	 * @throws IllegalArgumentException when an interval is not positive, the multiplier
	 * is below 1 or the maximum is below the initial interval
	 */
	public Backoff {
		if (initialInterval == null || initialInterval.isNegative() || initialInterval.isZero()) {
			throw new IllegalArgumentException("initial-interval must be positive but was " + initialInterval);
		}
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("multiplier must be at least 1 but was " + multiplier);
		}
		if (maxInterval == null || maxInterval.compareTo(initialInterval) < 0) {
			throw new IllegalArgumentException(
					"max-interval must be at least initial-interval (" + initialInterval + ") but was " + maxInterval);
		}
	}

	/**
	 * The delay after the given number of consecutive failures.
	 * @param failures consecutive failures so far, at least 1
	 * @return the delay before the next attempt
	 */
	public Duration delayAfter(int failures) {
		if (failures < 1) {
			throw new IllegalArgumentException("failures must be at least 1 but was " + failures);
		}
		double millis = this.initialInterval.toMillis() * Math.pow(this.multiplier, failures - 1);
		long max = this.maxInterval.toMillis();
		// Math.pow overflows to Infinity for large exponents; the comparison still caps
		// it.
		return Duration.ofMillis((millis >= max) ? max : (long) millis);
	}

}
