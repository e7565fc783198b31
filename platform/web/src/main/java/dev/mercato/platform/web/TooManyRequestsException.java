package dev.mercato.platform.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * The caller must wait before trying again (429); answered with a {@code Retry-After}
 * header.
 */
public class TooManyRequestsException extends ApiException {

	private final Duration retryAfter;

	public TooManyRequestsException(String code, String detail, Duration retryAfter) {
		super(code, detail);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the caller should wait.
	 * @return the delay, at least one second when sent
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.TOO_MANY_REQUESTS;
	}

}
