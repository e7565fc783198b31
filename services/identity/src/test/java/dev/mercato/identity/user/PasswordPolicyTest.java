package dev.mercato.identity.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@ParameterizedTest
	@ValueSource(strings = { "abcdefg1", "Customer123!", "1234567a", "pässwört9" })
	void acceptsEightOrMoreCharactersWithALetterAndADigit(String password) {
		assertThat(PasswordPolicy.isAcceptable(password)).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "abc1", "abcdef1", "abcdefgh", "12345678", "!!!!!!!!" })
	void rejectsShortOnesAndThoseMissingALetterOrADigit(String password) {
		assertThat(PasswordPolicy.isAcceptable(password)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 72, 73 })
	void acceptsUpTo72Bytes(int length) {
		String password = "a1" + "x".repeat(length - 2);
		assertThat(PasswordPolicy.isAcceptable(password)).isEqualTo(length <= 72);
	}

}
