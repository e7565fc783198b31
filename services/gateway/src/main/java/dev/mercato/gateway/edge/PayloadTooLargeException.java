package dev.mercato.gateway.edge;

import dev.mercato.platform.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The request body is larger than the gateway accepts (413).
 */
class PayloadTooLargeException extends ApiException {

	PayloadTooLargeException(long maxBytes) {
		super("PAYLOAD_TOO_LARGE", "The request body is larger than " + maxBytes + " bytes.");
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.PAYLOAD_TOO_LARGE;
	}

}
