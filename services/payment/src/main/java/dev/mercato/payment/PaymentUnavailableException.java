package dev.mercato.payment;

import dev.mercato.platform.web.DependencyUnavailableException;

/**
 * The provider is down, slow or still processing: the same request may be retried with
 * the same key and will never be applied twice (503, gRPC UNAVAILABLE).
 */
public class PaymentUnavailableException extends DependencyUnavailableException {

	public PaymentUnavailableException(String detail) {
		super("PAYMENT_PROVIDER_UNAVAILABLE", detail);
	}

	public PaymentUnavailableException(String detail, Throwable cause) {
		super("PAYMENT_PROVIDER_UNAVAILABLE", detail, cause);
	}

}
