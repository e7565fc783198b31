package dev.mercato.identity.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.mercato.platform.web.DependencyUnavailableException;
import dev.mercato.platform.web.TooManyRequestsException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in Redis (so the limits hold across identity instances) per
 * account and per client address. An account is locked after {@code accountMaxFailures}
 * failures for 30 s, then 1 min, 2 min… up to 15 min; an address is refused after
 * {@code ipMaxFailures} failures until its window ends. A successful login clears the
 * account's count.
 */
@Component
class LoginThrottle {

	private static final Log logger = LogFactory.getLog(LoginThrottle.class);

	// INCR and set the window on the first failure, atomically: a crash in between must
	// not leave a counter that never expires.
	private static final RedisScript<Long> COUNT_FAILURE = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return count""", Long.class);

	private final StringRedisTemplate redis;

	private final LoginThrottleProperties properties;

	private final String prefix;

	LoginThrottle(StringRedisTemplate redis, LoginThrottleProperties properties,
			@Value("${mercato.redis.key-prefix:}") String keyPrefix) {
		this.redis = redis;
		this.properties = properties;
		this.prefix = keyPrefix + "login:";
	}

	/**
	 * Refuses the attempt while the account is locked or the address has failed too
	 * often.
	 * @throws TooManyRequestsException with the time left
	 */
	void checkAllowed(String account, String clientIp) {
		guarded(() -> {
			checkAccount(account);
			checkAddress(clientIp);
		});
	}

	private void checkAccount(String account) {
		Long locked = this.redis.getExpire(accountLockKey(account));
		if (locked != null && locked > 0) {
			throw tooMany(Duration.ofSeconds(locked));
		}
	}

	private void checkAddress(String clientIp) {
		String failures = this.redis.opsForValue().get(ipKey(clientIp));
		if (failures != null && Long.parseLong(failures) >= this.properties.ipMaxFailures()) {
			Long left = this.redis.getExpire(ipKey(clientIp));
			throw tooMany(Duration.ofSeconds((left != null && left > 0) ? left : 1));
		}
	}

	void recordFailure(String account, String clientIp) {
		guarded(() -> countFailure(account, clientIp));
	}

	private void countFailure(String account, String clientIp) {
		String window = Long.toString(this.properties.window().toMillis());
		Long count = this.redis.execute(COUNT_FAILURE, List.of(accountKey(account)), window);
		this.redis.execute(COUNT_FAILURE, List.of(ipKey(clientIp)), window);
		if (count != null && count >= this.properties.accountMaxFailures()) {
			this.redis.opsForValue().set(accountLockKey(account), count.toString(), lockFor(count));
		}
	}

	void recordSuccess(String account) {
		try {
			this.redis.delete(List.of(accountKey(account), accountLockKey(account)));
		}
		catch (DataAccessException ex) {
			// The login itself succeeded; the count expires with its window anyway.
			logger.warn("Could not reset the failed-login count: " + ex.getMessage());
		}
	}

	// Fails closed: without Redis it is unknown whether an account is locked, and letting
	// logins through would open a brute-force window during every Redis outage.
	private static void guarded(Runnable redisWork) {
		try {
			redisWork.run();
		}
		catch (DataAccessException ex) {
			throw new DependencyUnavailableException("LOGIN_THROTTLE_UNAVAILABLE",
					"Logins are unavailable for a moment; try again shortly.");
		}
	}

	/**
	 * The lock after the given number of failures: {@code firstLock} at the threshold,
	 * doubling with each further failure, capped.
	 */
	Duration lockFor(long failures) {
		long doublings = Math.min(failures - this.properties.accountMaxFailures(), 20);
		Duration lock = this.properties.firstLock().multipliedBy(1L << Math.max(doublings, 0));
		return (lock.compareTo(this.properties.maxLock()) > 0) ? this.properties.maxLock() : lock;
	}

	private String accountKey(String account) {
		return this.prefix + "fail:account:" + normalise(account);
	}

	private String accountLockKey(String account) {
		return this.prefix + "lock:account:" + normalise(account);
	}

	private String ipKey(String clientIp) {
		return this.prefix + "fail:ip:" + clientIp;
	}

	private static String normalise(String account) {
		return (account != null) ? account.strip().toLowerCase(Locale.ROOT) : "";
	}

	private static TooManyRequestsException tooMany(Duration retryAfter) {
		return new TooManyRequestsException("TOO_MANY_LOGIN_ATTEMPTS",
				"Too many failed logins; try again in " + retryAfter.toSeconds() + " s.", retryAfter);
	}

}
