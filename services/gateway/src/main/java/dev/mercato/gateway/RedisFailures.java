package dev.mercato.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counter of Redis calls the gateway gave up on and answered without (fail open).
 */
public final class RedisFailures {

	/** Meter name; tag {@code use} says which check was skipped. */
	public static final String METER = "mercato.gateway.redis.failures";

	private RedisFailures() {
	}

	/**
	 * The counter for one use of Redis.
	 * @param meters the registry
	 * @param use e.g. {@code denylist} or {@code ratelimit}
	 * @return the counter
	 */
	public static Counter counter(MeterRegistry meters, String use) {
		return Counter.builder(METER)
			.description("Redis calls that failed; the check was skipped (fail open)")
			.tag("use", use)
			.register(meters);
	}

}
