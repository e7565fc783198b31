package dev.mercato.notification.delivery.push.web;

import dev.mercato.platform.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A push subscription whose endpoint or keys cannot be used (400).
 */
class InvalidSubscriptionException extends ApiException {

	InvalidSubscriptionException(String code, String detail) {
		super(code, detail);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.BAD_REQUEST;
	}

}
