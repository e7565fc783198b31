package dev.mercato.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: an exact decimal in a currency, scaled to the currency's minor unit
 * (2 digits for USD). Never {@code double}.
 *
 * @param amount the amount, at the currency's scale
 * @param currency the ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {

	/**
	 * Validates and normalises the amount to the currency's scale.
	 * @throws IllegalArgumentException for an unknown currency or an amount with more
	 * digits than the currency's minor unit
	 */
	public Money {
		Objects.requireNonNull(amount, "amount");
		Currency unit = currencyOf(currency);
		try {
			amount = amount.setScale(unit.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(
					"amount has more than " + unit.getDefaultFractionDigits() + " decimals for " + currency);
		}
	}

	/**
	 * Money from integer minor units, as gRPC carries it.
	 * @param minor e.g. 1999 for 19.99 USD
	 * @param currency the ISO code
	 * @return the money
	 */
	public static Money ofMinor(long minor, String currency) {
		Currency unit = currencyOf(currency);
		return new Money(BigDecimal.valueOf(minor, unit.getDefaultFractionDigits()), currency);
	}

	/**
	 * Parses a decimal string such as {@code "19.99"}.
	 * @param amount the decimal
	 * @param currency the ISO code
	 * @return the money
	 * @throws IllegalArgumentException when the amount is not a decimal
	 */
	public static Money of(String amount, String currency) {
		try {
			return new Money(new BigDecimal(amount), currency);
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw new IllegalArgumentException("amount is not a decimal number");
		}
	}

	private static Currency currencyOf(String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD");
		}
		try {
			Currency currency = Currency.getInstance(code);
			if (currency.getDefaultFractionDigits() < 0) {
				throw new IllegalArgumentException("currency " + code + " has no minor unit");
			}
			return currency;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("currency " + code + " is not an ISO 4217 code");
		}
	}

	/**
	 * The amount in integer minor units.
	 * @return e.g. 1999 for 19.99 USD
	 */
	public long minorUnits() {
		return this.amount.movePointRight(this.amount.scale()).longValueExact();
	}

	public boolean isPositive() {
		return this.amount.signum() > 0;
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.subtract(other.amount), this.currency);
	}

	public boolean isGreaterThan(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount) > 0;
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("currency " + other.currency + " differs from " + this.currency);
		}
	}

	/**
	 * The JSON form {@code {"amount": "19.99", "currency": "USD"}}.
	 * @return the JSON value
	 */
	public Json json() {
		return new Json(this.amount.toPlainString(), this.currency);
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency;
	}

	/**
	 * Money as JSON: a decimal string and a currency.
	 *
	 * @param amount e.g. {@code "19.99"}
	 * @param currency e.g. {@code "USD"}
	 */
	public record Json(String amount, String currency) {

	}

}
