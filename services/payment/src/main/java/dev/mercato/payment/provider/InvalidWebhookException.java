package dev.mercato.payment.provider;

/**
 * A webhook whose signature, timestamp or body is not acceptable: nothing is applied.
 */
public class InvalidWebhookException extends RuntimeException {

	public InvalidWebhookException(String message) {
		super(message);
	}

	public InvalidWebhookException(String message, Throwable cause) {
		super(message, cause);
	}

}
