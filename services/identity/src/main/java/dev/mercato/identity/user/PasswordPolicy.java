package dev.mercato.identity.user;

/**
 * The rule a new password must satisfy: at least {@value #MIN_LENGTH} characters with at
 * least one letter and one digit.
 */
public final class PasswordPolicy {

	/** Minimum number of characters. */
	public static final int MIN_LENGTH = 8;

	/**
	 * Upper bound: BCrypt ignores everything after 72 bytes, so longer input is refused.
	 */
	public static final int MAX_LENGTH = 72;

	/** The message shown to a user whose password breaks the rule. */
	public static final String DESCRIPTION = "must be 8 to 72 characters and contain a letter and a digit";

	private PasswordPolicy() {
	}

	/**
	 * Checks a candidate password.
	 * @param password the raw password, may be {@code null}
	 * @return {@code true} when it satisfies the rule
	 */
	public static boolean isAcceptable(String password) {
		if (password == null || password.length() < MIN_LENGTH
				|| password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
			return false;
		}
		return password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit);
	}

}
