package dev.mercato.ordering.checkout;

/**
 * A saga participant did not answer definitively (down, deadline exceeded, overloaded):
 * the step is retried later with backoff.
 */
public class ParticipantUnavailableException extends RuntimeException {

	ParticipantUnavailableException(String participant, Throwable cause) {
		super(participant + " unavailable: " + cause.getMessage(), cause);
	}

}
