package dev.mercato.payment;

import dev.mercato.platform.web.InvalidRequestException;

/**
 * A request that is malformed for this service (400, gRPC INVALID_ARGUMENT); nothing was
 * changed.
 */
public class InvalidPaymentRequestException extends InvalidRequestException {

	public InvalidPaymentRequestException(String code, String detail) {
		super(code, detail);
	}

}
