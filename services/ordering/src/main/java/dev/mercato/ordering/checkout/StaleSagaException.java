package dev.mercato.ordering.checkout;

/**
 * Another process changed the saga since this one read it: this one stops, the other
 * carries on (participants are idempotent, so the duplicate call had no effect).
 */
class StaleSagaException extends RuntimeException {

	StaleSagaException(String message) {
		super(message, null, false, false);
	}

}
