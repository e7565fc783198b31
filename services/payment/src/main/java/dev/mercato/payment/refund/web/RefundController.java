package dev.mercato.payment.refund.web;

import java.util.UUID;

import dev.mercato.payment.InvalidPaymentRequestException;
import dev.mercato.payment.Money;
import dev.mercato.payment.refund.RefundService;
import dev.mercato.payment.refund.RefundService.RefundCommand;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RefundController {

	private final RefundService refunds;

	RefundController(RefundService refunds) {
		this.refunds = refunds;
	}

	/**
	 * Admins refund all or part of a payment. The same {@code Idempotency-Key} and body
	 * give the same refund; without the header every request is a new refund.
	 */
	@PostMapping("/api/payments/{id}/refunds")
	@ResponseStatus(HttpStatus.CREATED)
	RefundResponse refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request, CurrentUser user,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only admins refund");
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			throw new InvalidPaymentRequestException("INVALID_IDEMPOTENCY_KEY",
					"The Idempotency-Key must have 1 to 100 characters.");
		}
		Money amount = null;
		if (request.amount() != null) {
			try {
				amount = Money.of(request.amount().amount(), request.amount().currency());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPaymentRequestException("INVALID_AMOUNT", "amount: " + ex.getMessage());
			}
		}
		String key = (idempotencyKey != null) ? "rest:" + id + ":" + idempotencyKey : "rest:" + UUID.randomUUID();
		return RefundResponse
			.of(this.refunds.refund(new RefundCommand(key, id, amount, request.reason(), user.id().toString())));
	}

	/**
	 * A refund request; no amount refunds everything left.
	 */
	record RefundRequest(@Valid AmountRequest amount, @NotBlank @Size(max = 200) String reason) {

	}

	record AmountRequest(
			@NotBlank @Pattern(regexp = "[0-9]{1,15}(\\.[0-9]{1,4})?",
					message = "must be a positive decimal such as 19.99") String amount,
			@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {

	}

}
