package dev.mercato.ordering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, scaled to the currency's minor unit.
 *
 * @param amount the amount, never negative
 * @param currency ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		Currency unit = Currency.getInstance(currency);
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("amount must not be negative: " + amount);
		}
		amount = amount.setScale(Math.max(unit.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
	}

	/**
	 * Money from integer minor units, as it travels over gRPC.
	 * @param minor amount in minor units (cents)
	 * @param currency ISO 4217 code
	 * @return the money
	 */
	public static Money ofMinor(long minor, String currency) {
		int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		return new Money(BigDecimal.valueOf(minor, digits), currency);
	}

	/**
	 * Zero in the currency.
	 * @param currency ISO 4217 code
	 * @return zero
	 */
	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	/**
	 * The amount in minor units.
	 * @return e.g. 1999 for 19.99 USD
	 */
	public long minor() {
		return this.amount.movePointRight(this.amount.scale()).longValueExact();
	}

	/**
	 * This times a quantity.
	 * @param quantity the quantity
	 * @return the product
	 */
	public Money times(int quantity) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(quantity)), this.currency);
	}

	/**
	 * The sum of both.
	 * @param other money in the same currency
	 * @return the sum
	 * @throws IllegalArgumentException when the currencies differ
	 */
	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(this.amount.add(other.amount), this.currency);
	}

	/**
	 * The JSON shape {@code {"amount": "19.99", "currency": "USD"}}.
	 * @return the JSON value
	 */
	public Json json() {
		return new Json(this.amount.toPlainString(), this.currency);
	}

	/**
	 * Money as JSON: the amount as a decimal string.
	 *
	 * @param amount decimal string
	 * @param currency ISO 4217 code
	 */
	public record Json(String amount, String currency) {

	}

}
