package dev.mercato.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A well-formed request that a business rule refuses (422).
 */
public class BusinessRuleException extends ApiException {

	public BusinessRuleException(String code, String detail) {
		super(code, detail);
	}

	public BusinessRuleException(String code, String detail, Throwable cause) {
		super(code, detail, cause);
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

}
