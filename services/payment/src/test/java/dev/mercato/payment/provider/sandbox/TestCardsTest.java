package dev.mercato.payment.provider.sandbox;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCardsTest {

	@Test
	void theTestNumbersPassLuhnAndDecideTheOutcome() {
		assertThat(TestCards.isValidNumber(TestCards.SUCCEEDS)).isTrue();
		assertThat(TestCards.isValidNumber(TestCards.DECLINED)).isTrue();
		assertThat(TestCards.isValidNumber(TestCards.INSUFFICIENT_FUNDS)).isTrue();
		assertThat(TestCards.outcomeOf(TestCards.SUCCEEDS)).isEqualTo(TestCards.Outcome.SUCCEEDS);
		assertThat(TestCards.outcomeOf(TestCards.DECLINED)).isEqualTo(TestCards.Outcome.DECLINED);
		assertThat(TestCards.outcomeOf(TestCards.INSUFFICIENT_FUNDS)).isEqualTo(TestCards.Outcome.INSUFFICIENT_FUNDS);
		assertThat(TestCards.outcomeOf("5555555555554444")).isEqualTo(TestCards.Outcome.SUCCEEDS);
	}

	@Test
	void luhnRejectsTyposAndNonDigits() {
		assertThat(TestCards.isValidNumber("4242424242424241")).isFalse();
		assertThat(TestCards.isValidNumber("4242 4242 4242 4242")).isFalse();
		assertThat(TestCards.isValidNumber("42424242424")).isFalse();
		assertThat(TestCards.isValidNumber(null)).isFalse();
		assertThat(TestCards.isValidNumber("378282246310005")).isTrue();
	}

	@Test
	void brands() {
		assertThat(TestCards.brandOf("4242424242424242")).isEqualTo("visa");
		assertThat(TestCards.brandOf("5555555555554444")).isEqualTo("mastercard");
		assertThat(TestCards.brandOf("378282246310005")).isEqualTo("amex");
		assertThat(TestCards.brandOf("6011111111111117")).isEqualTo("discover");
	}

	@Test
	void aCardExpiresAtTheEndOfItsMonth() {
		YearMonth now = YearMonth.of(2026, 11);
		assertThat(TestCards.notExpired(11, 2026, now)).isTrue();
		assertThat(TestCards.notExpired(10, 2026, now)).isFalse();
		assertThat(TestCards.notExpired(1, 2030, now)).isTrue();
		assertThat(TestCards.notExpired(13, 2030, now)).isFalse();
	}

}
