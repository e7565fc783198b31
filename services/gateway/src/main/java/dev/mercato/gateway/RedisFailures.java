package dev.mercato.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis calls the gateway gave up on and answered without (fail open), for one use of
 * Redis: every failure is counted, and a WARN is logged at most every 10 seconds so an
 * outage does not flood the log with one line per request.
 */
public final class RedisFailures {

	/** Meter name; tag {@code use} says which check was skipped. */
	public static final String METER = "mercato.gateway.redis.failures";

	private static final Logger log = LoggerFactory.getLogger(RedisFailures.class);

	private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final Counter counter;

	private final String skipped;

	private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

	/**
	 * @param meters the registry
	 * @param use e.g. {@code denylist} or {@code ratelimit}
	 * @param skipped what is skipped while Redis fails, for the log line
	 */
	public RedisFailures(MeterRegistry meters, String use, String skipped) {
		this.counter = Counter.builder(METER)
			.description("Redis calls that failed; the check was skipped (fail open)")
			.tag("use", use)
			.register(meters);
		this.skipped = skipped;
	}

	/**
	 * Counts a failure and logs it unless one was logged recently.
	 * @param ex the failure
	 */
	public void record(Throwable ex) {
		this.counter.increment();
		long now = System.nanoTime();
		long last = this.lastWarned.get();
		if (now - last >= WARN_EVERY_NANOS && this.lastWarned.compareAndSet(last, now)) {
			log.warn("Redis unavailable, {} (fail open; counted in {}): {}", this.skipped, METER, ex.toString());
		}
	}

}
