package dev.mercato.platform.events;

/**
 * A message that is not a valid Mercato CloudEvent, or whose data does not fit the
 * handler's type. Retrying cannot help: the consumer dead-letters such a message at once.
 */
public class MalformedEventException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong with the event
	 */
	public MalformedEventException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what is wrong with the event
	 * @param cause the parsing failure
	 */
	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
