package dev.mercato.payment.provider;

/**
 * The provider refused or could not be reached before accepting anything: nothing
 * happened, the call may be retried.
 */
public class ProviderUnavailableException extends RuntimeException {

	public ProviderUnavailableException(String message) {
		super(message);
	}

	public ProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
