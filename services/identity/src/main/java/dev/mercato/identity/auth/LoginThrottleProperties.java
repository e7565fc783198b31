package dev.mercato.identity.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection of {@code POST /api/auth/login}.
 *
 * @param window how long failures are remembered (counted from the first one)
 * @param accountMaxFailures failures for one e-mail after which the account is locked
 * @param firstLock lock after {@code accountMaxFailures} failures; doubles with each
 * further failure
 * @param maxLock upper bound of an account lock
 * @param ipMaxFailures failures from one client address after which it is refused until
 * the window ends
 * @param trustedProxies remote addresses (the gateway's) whose {@code X-Forwarded-For}
 * names the client; from anyone else the header is ignored
 */
@ConfigurationProperties("mercato.identity.login-throttle")
public record LoginThrottleProperties(@DefaultValue("15m") Duration window, @DefaultValue("5") int accountMaxFailures,
		@DefaultValue("30s") Duration firstLock, @DefaultValue("15m") Duration maxLock,
		@DefaultValue("20") int ipMaxFailures, @DefaultValue( {
				"127.0.0.1", "0:0:0:0:0:0:0:1" }) List<String> trustedProxies){

}
