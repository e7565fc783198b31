package dev.mercato.payment.provider.sandbox.web;

import java.util.Map;

import dev.mercato.payment.provider.sandbox.SandboxProvider;
import dev.mercato.payment.provider.sandbox.TestCards;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payments/sandbox/tokens}: stands in for the provider's client-side
 * tokenization (public, sandbox only). Validation messages never repeat the input.
 */
@RestController
@ConditionalOnProperty(name = "mercato.payment.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxTokenController {

	private final SandboxProvider sandbox;

	SandboxTokenController(SandboxProvider sandbox) {
		this.sandbox = sandbox;
	}

	@PostMapping("/api/payments/sandbox/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> tokenize(@Valid @RequestBody CardRequest card) {
		return Map.of("token", this.sandbox.tokenize(card.digits(), card.expMonth(), card.expYear()));
	}

	/**
	 * A card as a client would send it to the provider.
	 *
	 * @param number 12–19 digits, spaces or dashes allowed
	 * @param expMonth 1–12
	 * @param expYear four digits
	 * @param cvc 3–4 digits (checked, then forgotten)
	 */
	record CardRequest(@NotNull @Pattern(regexp = "[0-9 -]{12,23}", message = "must be 12 to 19 digits") String number,
			@NotNull @Min(1) @Max(12) Integer expMonth, @NotNull @Min(2000) @Max(2100) Integer expYear,
			@NotNull @Pattern(regexp = "[0-9]{3,4}", message = "must be 3 or 4 digits") String cvc) {

		String digits() {
			return this.number.replaceAll("[ -]", "");
		}

		@AssertTrue(message = "is not a valid card number")
		boolean isLuhnValid() {
			return this.number == null || TestCards.isValidNumber(digits());
		}

		@AssertTrue(message = "the card has expired")
		boolean isNotExpired() {
			return this.expMonth == null || this.expYear == null || this.expMonth < 1 || this.expMonth > 12
					|| TestCards.notExpired(this.expMonth, this.expYear, java.time.YearMonth.now());
		}

		@Override
		public String toString() {
			return "CardRequest[number=***, cvc=***]";
		}

	}

}
