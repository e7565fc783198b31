package dev.mercato.payment.provider.sandbox;

import java.time.YearMonth;

/**
 * The sandbox's card rules, as in a provider's test mode: Luhn-valid numbers only, and
 * the well-known test numbers decide the outcome of a charge.
 */
public final class TestCards {

	/** Succeeds. */
	public static final String SUCCEEDS = "4242424242424242";

	/** Declined (generic decline). */
	public static final String DECLINED = "4000000000000002";

	/** Declined for insufficient funds. */
	public static final String INSUFFICIENT_FUNDS = "4000000000009995";

	private TestCards() {
	}

	/**
	 * What charging a card will do.
	 */
	public enum Outcome {

		/** The charge succeeds. */
		SUCCEEDS,
		/** {@code card_declined} / {@code generic_decline}. */
		DECLINED,
		/** {@code card_declined} / {@code insufficient_funds}. */
		INSUFFICIENT_FUNDS

	}

	/**
	 * The outcome of a (valid) number: the decline test numbers decline, every other
	 * valid number succeeds.
	 * @param number digits only
	 * @return the outcome
	 */
	public static Outcome outcomeOf(String number) {
		return switch (number) {
			case DECLINED -> Outcome.DECLINED;
			case INSUFFICIENT_FUNDS -> Outcome.INSUFFICIENT_FUNDS;
			default -> Outcome.SUCCEEDS;
		};
	}

	/**
	 * Whether a string of 12–19 digits passes the Luhn check.
	 * @param number the candidate
	 * @return whether it is a plausible card number
	 */
	public static boolean isValidNumber(String number) {
		if (number == null || !number.matches("[0-9]{12,19}")) {
			return false;
		}
		int sum = 0;
		boolean twice = false;
		for (int i = number.length() - 1; i >= 0; i--) {
			int digit = number.charAt(i) - '0';
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	/**
	 * The brand by the number's prefix, named as Stripe names them.
	 * @param number digits only
	 * @return {@code visa}, {@code mastercard}, {@code amex}, {@code discover} or
	 * {@code unknown}
	 */
	public static String brandOf(String number) {
		if (number.startsWith("4")) {
			return "visa";
		}
		if (number.matches("5[1-5].*") || number.matches("2[2-7].*")) {
			return "mastercard";
		}
		if (number.startsWith("34") || number.startsWith("37")) {
			return "amex";
		}
		if (number.startsWith("6011") || number.startsWith("65")) {
			return "discover";
		}
		return "unknown";
	}

	/**
	 * Whether the card is still valid in the given month (cards expire at the end of
	 * their month).
	 * @param expMonth 1–12
	 * @param expYear four digits
	 * @param now the current month
	 * @return whether the card has not expired
	 */
	public static boolean notExpired(int expMonth, int expYear, YearMonth now) {
		return expMonth >= 1 && expMonth <= 12 && !YearMonth.of(expYear, expMonth).isBefore(now);
	}

}
