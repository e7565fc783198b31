package dev.mercato.recommender.recommendation;

import dev.mercato.platform.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A request the recommender cannot answer as asked (a limit out of range, an id that is
 * not a UUID) where no binding or validation layer catches it first: gRPC.
 */
public class InvalidRequestException extends ApiException {

	public InvalidRequestException(String code, String detail) {
		super(code, detail);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.BAD_REQUEST;
	}

}
