package dev.mercato.catalog.product;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Money as Mercato's JSON and events carry it: {@code {"amount": "19.99", "currency":
 * "USD"}}, the amount a decimal string.
 *
 * @param amount the amount
 * @param currency the ISO 4217 code
 */
public record Price(String amount, String currency) {

	public static Price of(BigDecimal amount, String currency) {
		return new Price(amount.toPlainString(), currency);
	}

	public static Price of(BigDecimal amount, Currency currency) {
		return of(amount, currency.getCurrencyCode());
	}

}
