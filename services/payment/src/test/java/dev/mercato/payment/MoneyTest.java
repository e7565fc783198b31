package dev.mercato.payment;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void scalesToTheCurrencysMinorUnit() {
		assertThat(Money.of("19.9", "USD").amount()).isEqualByComparingTo("19.90");
		assertThat(Money.of("19.9", "USD").json()).isEqualTo(new Money.Json("19.90", "USD"));
		assertThat(new Money(new BigDecimal("19.9900"), "USD").json().amount()).isEqualTo("19.99");
		assertThat(Money.of("500", "JPY").json().amount()).isEqualTo("500");
	}

	@Test
	void convertsMinorUnitsBothWays() {
		assertThat(Money.ofMinor(1999, "USD")).isEqualTo(Money.of("19.99", "USD"));
		assertThat(Money.of("19.99", "USD").minorUnits()).isEqualTo(1999);
		assertThat(Money.ofMinor(1999, "JPY").minorUnits()).isEqualTo(1999);
		assertThat(Money.ofMinor(5, "BHD").json().amount()).isEqualTo("0.005");
	}

	@Test
	void refusesWhatIsNotMoney() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("19.999", "USD"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1e3x", "USD"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "usd"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "XYZ"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
	}

	@Test
	void arithmetic() {
		Money ten = Money.of("10.00", "USD");
		Money three = Money.of("3.50", "USD");
		assertThat(ten.minus(three)).isEqualTo(Money.of("6.5", "USD"));
		assertThat(three.plus(three).isGreaterThan(Money.of("6.99", "USD"))).isTrue();
		assertThat(ten.minus(ten).isPositive()).isFalse();
	}

}
