package dev.mercato.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A resource that does not exist, or that the caller may not know exists (404).
 */
public class NotFoundException extends ApiException {

	public NotFoundException(String code, String detail) {
		super(code, detail);
	}

	public NotFoundException(String code, String detail, Throwable cause) {
		super(code, detail, cause);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.NOT_FOUND;
	}

}
