package dev.mercato.payment;

import dev.mercato.platform.web.BusinessRuleException;

/**
 * A well-formed request the state of a payment refuses, e.g. a refund above what is left
 * or an idempotency key reused for another request (422, gRPC FAILED_PRECONDITION).
 */
public class PaymentStateException extends BusinessRuleException {

	public PaymentStateException(String code, String detail) {
		super(code, detail);
	}

}
