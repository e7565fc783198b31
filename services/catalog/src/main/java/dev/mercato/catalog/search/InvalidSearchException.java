package dev.mercato.catalog.search;

import dev.mercato.platform.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Search parameters that cannot be answered (400 {@code INVALID_SEARCH}).
 */
public class InvalidSearchException extends ApiException {

	public InvalidSearchException(String detail) {
		super("INVALID_SEARCH", detail);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.BAD_REQUEST;
	}

}
