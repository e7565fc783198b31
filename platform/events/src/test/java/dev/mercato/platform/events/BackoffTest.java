package dev.mercato.platform.events;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

	@Test
	void growsExponentiallyFromTheInitialInterval() {
		assertThat(this.backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
	}

	@Test
	void isCappedAtTheMaximumEvenAfterVeryManyFailures() {
		assertThat(this.backoff.delayAfter(6)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.backoff.delayAfter(10_000)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aMultiplierOfOneIsAFixedInterval() {
		Backoff fixed = new Backoff(Duration.ofMillis(250), 1.0, Duration.ofSeconds(1));

		assertThat(fixed.delayAfter(1)).isEqualTo(fixed.delayAfter(50)).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void rejectsInvalidSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, 2.0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.backoff.delayAfter(0));
	}

}
