package dev.mercato.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes outbox rows to RabbitMQ: persistent, mandatory, with correlated publisher
 * confirms. The whole batch is sent before any confirm is awaited.
 */
final class RabbitEventPublisher implements EventPublisher {

	static final String TRACEPARENT_HEADER = "traceparent";

	private final RabbitTemplate template;

	RabbitEventPublisher(ConnectionFactory connectionFactory) {
		if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
			throw new IllegalStateException("The outbox relay needs publisher confirms and returns:"
					+ " set spring.rabbitmq.publisher-confirm-type=correlated and spring.rabbitmq.publisher-returns=true"
					+ " (platform-events defaults them; something overrides them)");
		}
		this.template = new RabbitTemplate(connectionFactory);
		this.template.setMandatory(true);
		// Returns are read from each message's CorrelationData; the callback only keeps
		// the
		// template from warning that nobody listens.
		this.template.setReturnsCallback((returned) -> {
		});
		// Consumers and the relay must not share a connection: the broker blocks
		// publishing
		// connections under memory pressure, which would stall consumers too.
		this.template.setUsePublisherConnection(true);
	}

	@Override
	public List<Result> publish(List<OutboxRow> rows, Duration confirmTimeout) {
		List<CorrelationData> pending = new ArrayList<>(rows.size());
		String sendFailure;
		try {
			// One channel for the whole batch: RabbitMQ keeps order per channel only, and
			// the template would otherwise rotate through its cached channels.
			sendFailure = this.template.invoke((operations) -> {
				for (OutboxRow row : rows) {
					CorrelationData correlation = new CorrelationData(row.eventId().toString());
					try {
						operations.send(row.exchange(), row.routingKey(), message(row), correlation);
					}
					catch (AmqpException ex) {
						return "send failed: " + ex.getMessage();
					}
					pending.add(correlation);
				}
				return null;
			});
		}
		catch (AmqpException ex) {
			sendFailure = "no channel: " + ex.getMessage();
		}
		long deadline = System.nanoTime() + confirmTimeout.toNanos();
		List<Result> results = new ArrayList<>(rows.size());
		for (CorrelationData correlation : pending) {
			results.add(awaitConfirm(correlation, deadline, confirmTimeout));
		}
		if (sendFailure != null) {
			results.add(new Result(Outcome.UNAVAILABLE, sendFailure));
		}
		while (results.size() < rows.size()) {
			results.add(Result.NOT_ATTEMPTED);
		}
		return results;
	}

	private static Result awaitConfirm(CorrelationData correlation, long deadline, Duration confirmTimeout) {
		CorrelationData.Confirm confirm;
		try {
			confirm = correlation.getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return new Result(Outcome.UNAVAILABLE, "no publisher confirm within " + confirmTimeout);
		}
		catch (ExecutionException ex) {
			return new Result(Outcome.UNAVAILABLE, "confirm failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(Outcome.UNAVAILABLE, "interrupted while awaiting the publisher confirm");
		}
		if (!confirm.ack()) {
			return new Result(Outcome.UNAVAILABLE, "nack: " + confirm.reason());
		}
		// The broker acks an unroutable mandatory message after returning it; the return
		// is recorded on the correlation before the confirm completes its future.
		ReturnedMessage returned = correlation.getReturned();
		if (returned != null) {
			return new Result(Outcome.UNROUTABLE, "returned by the broker: " + returned.getReplyCode() + " "
					+ returned.getReplyText() + " (no queue bound for routing key " + returned.getRoutingKey() + ")");
		}
		return Result.SENT;
	}

	private static Message message(OutboxRow row) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(CloudEventCodec.CONTENT_TYPE);
		properties.setContentEncoding(StandardCharsets.UTF_8.name());
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setMessageId(row.eventId().toString());
		properties.setType(row.type());
		if (row.traceparent() != null) {
			properties.setHeader(TRACEPARENT_HEADER, row.traceparent());
		}
		return new Message(row.payload().getBytes(StandardCharsets.UTF_8), properties);
	}

}
