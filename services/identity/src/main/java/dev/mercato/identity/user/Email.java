package dev.mercato.identity.user;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, normalised to lower case so that uniqueness is case-insensitive.
 *
 * @param value the normalised address
 */
public record Email(String value) {

	// Deliberately pragmatic: one @, a dotted domain, no whitespace. RFC 5322 allows far
	// more, but no mail provider a shop customer uses does.
	private static final Pattern FORMAT = Pattern
		.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	static final int MAX_LENGTH = 254;

	public Email {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a valid e-mail address: " + value);
		}
		value = value.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses raw input, trimming and lower-casing it.
	 * @param raw the address as typed
	 * @return the normalised address
	 * @throws IllegalArgumentException when the input is not an e-mail address
	 */
	public static Email of(String raw) {
		return new Email(raw);
	}

	/**
	 * Whether the input would be accepted by {@link #of(String)}.
	 * @param raw the address as typed, may be {@code null}
	 * @return {@code true} when it is a valid address
	 */
	public static boolean isValid(String raw) {
		if (raw == null) {
			return false;
		}
		String candidate = raw.strip();
		return candidate.length() <= MAX_LENGTH && FORMAT.matcher(candidate).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
