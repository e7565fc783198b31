package dev.mercato.notification.event;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An amount as events carry it: {@code {"amount": "19.99", "currency": "USD"}}.
 *
 * @param amount the decimal amount
 * @param currency ISO 4217 code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(BigDecimal amount, String currency) {

	/**
	 * How messages show the amount.
	 * @return e.g. {@code 19.99 USD}
	 */
	public String display() {
		return this.amount.toPlainString() + " " + this.currency;
	}

}
