package dev.mercato.identity.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailTest {

	@Test
	void normalisesToTrimmedLowerCase() {
		assertThat(Email.of("  Alice.Smith@Example.COM ").value()).isEqualTo("alice.smith@example.com");
	}

	@Test
	void addressesDifferingOnlyInCaseAreEqual() {
		assertThat(Email.of("Bob@Mercato.dev")).isEqualTo(Email.of("bob@mercato.DEV"));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "plainaddress", "@example.com", "alice@", "alice@example", "alice@@example.com",
			"alice smith@example.com", "alice@exa mple.com", "alice@-example.com" })
	void rejectsWhatIsNotAnAddress(String raw) {
		assertThat(Email.isValid(raw)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Email.of(raw));
	}

	@Test
	void rejectsAddressesLongerThan254Characters() {
		String local = "a".repeat(64);
		String domain = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(4) + ".com";
		String tooLong = local + "@" + domain;
		assertThat(tooLong).hasSizeGreaterThan(254);
		assertThat(Email.isValid(tooLong)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b.co", "first.last+tag@sub.example.org", "o'neil@example.ie" })
	void acceptsOrdinaryAddresses(String raw) {
		assertThat(Email.of(raw).value()).isEqualTo(raw.toLowerCase());
	}

}
