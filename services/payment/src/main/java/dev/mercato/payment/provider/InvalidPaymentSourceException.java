package dev.mercato.payment.provider;

/**
 * The token or saved method is not usable at the provider (unknown, used, detached).
 */
public class InvalidPaymentSourceException extends RuntimeException {

	public InvalidPaymentSourceException(String message) {
		super(message);
	}

	public InvalidPaymentSourceException(String message, Throwable cause) {
		super(message, cause);
	}

}
