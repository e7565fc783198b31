package dev.mercato.platform.web;

import org.springframework.http.HttpStatus;

/**
 * Missing or invalid credentials (401).
 */
public class UnauthorizedException extends ApiException {

	public UnauthorizedException(String code, String detail) {
		super(code, detail);
	}

	public UnauthorizedException(String code, String detail, Throwable cause) {
		super(code, detail, cause);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.UNAUTHORIZED;
	}

}
