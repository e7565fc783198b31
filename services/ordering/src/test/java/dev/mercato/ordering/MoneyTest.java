package dev.mercato.ordering;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MoneyTest {

	@Test
	void minorUnitsFollowTheCurrency() {
		assertThat(Money.ofMinor(1999, "USD").json()).isEqualTo(new Money.Json("19.99", "USD"));
		assertThat(Money.ofMinor(1999, "JPY").json()).isEqualTo(new Money.Json("1999", "JPY"));
		assertThat(new Money(new BigDecimal("19.9"), "USD").minor()).isEqualTo(1990);
		assertThat(Money.ofMinor(1250, "USD").times(3).plus(Money.ofMinor(1, "USD")).minor()).isEqualTo(3751);
	}

	@Test
	void invalidMoneyIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new Money(new BigDecimal("-1"), "USD"));
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> new Money(new BigDecimal("1.001"), "USD"));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Money.ofMinor(1, "USD").plus(Money.ofMinor(1, "EUR")));
	}

	@Test
	void sagaBackoffDoublesUpToTheMaximum() {
		var saga = new OrderingProperties.Saga(Duration.ofMinutes(5), Duration.ofSeconds(3), Duration.ofSeconds(15),
				Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1), 20, Duration.ofSeconds(1),
				Duration.ofSeconds(30));
		assertThat(saga.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(saga.backoff(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(saga.backoff(50)).isEqualTo(Duration.ofSeconds(30));
	}

}
