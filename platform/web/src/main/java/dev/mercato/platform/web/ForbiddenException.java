package dev.mercato.platform.web;

import org.springframework.http.HttpStatus;

/**
 * An authenticated caller that may not do this (403).
 */
public class ForbiddenException extends ApiException {

	public ForbiddenException(String code, String detail) {
		super(code, detail);
	}

	public ForbiddenException(String code, String detail, Throwable cause) {
		super(code, detail, cause);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.FORBIDDEN;
	}

}
