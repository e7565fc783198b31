package dev.mercato.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackoffTest {

	@Test
	void waitsGrowExponentiallyUpToTheMaximum() {
		NotificationProperties.Dispatcher dispatcher = new NotificationProperties.Dispatcher(Duration.ofSeconds(1), 20,
				Duration.ofMinutes(2), 8, Duration.ofSeconds(10), 3.0, Duration.ofMinutes(30), Duration.ofHours(1), 4);
		assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(30));
		assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(90));
		assertThat(dispatcher.backoff(5)).isEqualTo(Duration.ofSeconds(810));
		assertThat(dispatcher.backoff(6)).isEqualTo(Duration.ofMinutes(30));
		assertThat(dispatcher.backoff(1000)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void nonsenseSettingsAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new NotificationProperties.Dispatcher(Duration.ofSeconds(1), 0, Duration.ofMinutes(2), 8,
					Duration.ofSeconds(10), 3.0, Duration.ofMinutes(30), Duration.ofHours(1), 4));
	}

}
