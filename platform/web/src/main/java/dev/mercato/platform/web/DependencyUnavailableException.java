package dev.mercato.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A dependency the request needs is down or too slow; the client may retry later (503).
 */
public class DependencyUnavailableException extends ApiException {

	public DependencyUnavailableException(String code, String detail) {
		super(code, detail);
	}

	public DependencyUnavailableException(String code, String detail, Throwable cause) {
		super(code, detail, cause);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

}
