package dev.mercato.identity.auth;

import java.time.Duration;
import java.util.List;

import dev.mercato.platform.web.DependencyUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class LoginThrottleTest {

	private static final LoginThrottleProperties PROPERTIES = new LoginThrottleProperties(Duration.ofMinutes(15), 5,
			Duration.ofSeconds(30), Duration.ofMinutes(15), 20, List.of());

	@Test
	void theLockStartsAt30SecondsAndDoublesUpTo15Minutes() {
		LoginThrottle throttle = new LoginThrottle(mock(StringRedisTemplate.class), PROPERTIES, "");

		assertThat(throttle.lockFor(5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(throttle.lockFor(6)).isEqualTo(Duration.ofMinutes(1));
		assertThat(throttle.lockFor(7)).isEqualTo(Duration.ofMinutes(2));
		assertThat(throttle.lockFor(9)).isEqualTo(Duration.ofMinutes(8));
		assertThat(throttle.lockFor(10)).isEqualTo(Duration.ofMinutes(15));
		assertThat(throttle.lockFor(1000)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void withoutRedisLoginsAreRefusedAs503NotLetThrough() {
		StringRedisTemplate redis = mock(StringRedisTemplate.class);
		given(redis.getExpire(anyString())).willThrow(new RedisConnectionFailureException("down"));
		LoginThrottle throttle = new LoginThrottle(redis, PROPERTIES, "");

		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> throttle.checkAllowed("a@example.com", "203.0.113.1"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("LOGIN_THROTTLE_UNAVAILABLE"));
	}

}
