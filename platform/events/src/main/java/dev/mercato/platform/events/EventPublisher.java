package dev.mercato.platform.events;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The transport seam of the relay: puts a batch of outbox rows on the broker and reports,
 * per row, whether the broker took responsibility for it. RabbitMQ today; Kafka is a
 * second implementation to come.
 */
interface EventPublisher {

	/**
	 * Sends the rows in order, then awaits the broker's acknowledgements of all of them.
	 * @return one result per row, in the rows' order
	 */
	List<Result> publish(List<OutboxRow> rows, Duration confirmTimeout);

	/**
	 * What happened to one row.
	 *
	 * @param outcome the outcome
	 * @param error why it was not sent, or {@code null}
	 */
	record Result(Outcome outcome, @Nullable String error) {

		static final Result SENT = new Result(Outcome.SENT, null);

		static final Result NOT_ATTEMPTED = new Result(Outcome.NOT_ATTEMPTED, null);

	}

	enum Outcome {

		/** The broker confirmed the message and routed it to at least one queue. */
		SENT,

		/**
		 * The broker is reachable but routed the message nowhere (mandatory return):
		 * retry this row with its own backoff.
		 */
		UNROUTABLE,

		/**
		 * The broker did not confirm (connection failure, nack, timeout): the transport
		 * is down, the relay backs off as a whole.
		 */
		UNAVAILABLE,

		/** Not sent because an earlier row of the batch found the broker unavailable. */
		NOT_ATTEMPTED

	}

}
