package dev.mercato.payment;

import dev.mercato.platform.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A request that is malformed for this service (400, gRPC INVALID_ARGUMENT); nothing was
 * changed.
 */
public class InvalidPaymentRequestException extends ApiException {

	public InvalidPaymentRequestException(String code, String detail) {
		super(code, detail);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.BAD_REQUEST;
	}

}
