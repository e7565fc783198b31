package dev.mercato.identity.auth;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private final LoginThrottle throttle = new LoginThrottle(null, new LoginThrottleProperties(Duration.ofMinutes(15),
			5, Duration.ofSeconds(30), Duration.ofMinutes(15), 20, List.of()), "");

	@Test
	void theLockStartsAt30SecondsAndDoublesUpTo15Minutes() {
		assertThat(this.throttle.lockFor(5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.throttle.lockFor(6)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.throttle.lockFor(7)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.throttle.lockFor(9)).isEqualTo(Duration.ofMinutes(8));
		assertThat(this.throttle.lockFor(10)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.throttle.lockFor(1000)).isEqualTo(Duration.ofMinutes(15));
	}

}
