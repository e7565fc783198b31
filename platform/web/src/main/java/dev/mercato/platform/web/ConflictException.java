package dev.mercato.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request that conflicts with the current state, e.g. a duplicate or an illegal state
 * transition (409).
 */
public class ConflictException extends ApiException {

	public ConflictException(String code, String detail) {
		super(code, detail);
	}

	public ConflictException(String code, String detail, Throwable cause) {
		super(code, detail, cause);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.CONFLICT;
	}

}
