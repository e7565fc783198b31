package dev.mercato.payment.refund.web;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.Money;
import dev.mercato.payment.refund.Refund;

/**
 * A refund as the REST API shows it.
 *
 * @param id the refund id
 * @param paymentId the payment
 * @param amount the amount
 * @param status {@code PENDING}, {@code SUCCEEDED} or {@code FAILED}
 * @param reason why
 * @param createdAt created
 * @param updatedAt last changed
 */
public record RefundResponse(UUID id, UUID paymentId, Money.Json amount, String status, String reason,
		Instant createdAt, Instant updatedAt) {

	/**
	 * The view of a refund.
	 * @param refund the refund
	 * @return the response
	 */
	public static RefundResponse of(Refund refund) {
		return new RefundResponse(refund.id(), refund.paymentId(), refund.amount().json(), refund.status(),
				refund.reason(), refund.createdAt(), refund.updatedAt());
	}

}
