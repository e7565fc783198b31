package dev.mercato.platform.web;

import org.springframework.http.HttpStatus;

/**
 * An error a service answers deliberately, with a stable machine-readable {@code code}
 * (e.g. {@code EMAIL_TAKEN}) and a human-readable detail. Each subclass fixes the HTTP
 * status; services throw the subclass that names the case.
 */
public abstract class ApiException extends RuntimeException {

	private final String code;

	protected ApiException(String code, String detail) {
		super(detail);
		this.code = code;
	}

	protected ApiException(String code, String detail, Throwable cause) {
		super(detail, cause);
		this.code = code;
	}

	/**
	 * The stable code clients can branch on.
	 * @return the code
	 */
	public String getCode() {
		return this.code;
	}

	/**
	 * The HTTP status this case is answered with.
	 * @return the status
	 */
	public abstract HttpStatus getStatus();

}
