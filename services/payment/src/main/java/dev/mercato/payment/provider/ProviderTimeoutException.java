package dev.mercato.payment.provider;

/**
 * The provider's answer did not arrive in time: it may have accepted the call, so the
 * caller must reconcile by idempotency key before trying anything else.
 */
public class ProviderTimeoutException extends ProviderUnavailableException {

	public ProviderTimeoutException(String message) {
		super(message);
	}

	public ProviderTimeoutException(String message, Throwable cause) {
		super(message, cause);
	}

}
