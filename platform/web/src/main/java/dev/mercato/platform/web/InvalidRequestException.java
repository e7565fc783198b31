package dev.mercato.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request that is malformed for this service and can never succeed as it is (400, gRPC
 * {@code INVALID_ARGUMENT}); nothing was changed.
 */
public class InvalidRequestException extends ApiException {

	public InvalidRequestException(String code, String detail) {
		super(code, detail);
	}

	public InvalidRequestException(String code, String detail, Throwable cause) {
		super(code, detail, cause);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.BAD_REQUEST;
	}

}
