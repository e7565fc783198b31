package dev.mercato.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mercato.contracts.events.EventSchemas;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishes CloudEvents the way producers do, after checking them against the contract
 * (when the contract has a schema for the type yet: some producers are being written in
 * parallel).
 */
public record TestEvents(RabbitTemplate rabbit) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Publishes an event.
	 * @param routingKey e.g. {@code order.paid}
	 * @param eventId the event id
	 * @param data the data as JSON
	 */
	public void publish(String routingKey, UUID eventId, String data) {
		String type = "mercato." + routingKey + ".v1";
		String exchange = routingKey.substring(0, routingKey.indexOf('.')) + ".events";
		String event = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/test\",\"type\":\"" + type
				+ "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":" + data
				+ "}";
		validate(event);
		this.rabbit.send(exchange, routingKey,
				MessageBuilder.withBody(event.getBytes(StandardCharsets.UTF_8))
					.setContentType("application/cloudevents+json")
					.setMessageId(eventId.toString())
					.build());
	}

	private static void validate(String event) {
		try {
			JsonNode node = JSON.readTree(event);
			assertThat(EventSchemas.validate(node)).as(event).isEmpty();
		}
		catch (IllegalArgumentException ex) {
			if (!String.valueOf(ex.getMessage()).startsWith("No schema")) {
				throw ex;
			}
			// the producer has not published its schema yet
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code user.created} data.
	 */
	public static String userCreated(UUID userId, String email, String firstName, String... roles) {
		return "{\"userId\":\"" + userId + "\",\"email\":\"" + email + "\",\"firstName\":\"" + firstName
				+ "\",\"lastName\":\"Tester\",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}";
	}

	/**
	 * {@code order.paid} data with two lines.
	 */
	public static String orderPaid(UUID orderId, UUID userId) {
		return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId
				+ "\",\"totalAmount\":{\"amount\":\"59.97\",\"currency\":\"USD\"},\"paymentId\":\"" + UUID.randomUUID()
				+ "\",\"items\":[" + item("Coffee <beans>", 2, "19.99", "39.98") + ","
				+ item("Mug", 1, "19.99", "19.99") + "],\"paidAt\":\"" + Instant.now() + "\"}";
	}

	/**
	 * {@code order.shipped} data.
	 */
	public static String orderShipped(UUID orderId, UUID userId, String trackingNumber) {
		return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId
				+ "\",\"totalAmount\":{\"amount\":\"59.97\",\"currency\":\"USD\"},\"carrier\":\"UPS\",\"trackingNumber\":\""
				+ trackingNumber + "\",\"shippedAt\":\"" + Instant.now() + "\"}";
	}

	private static String item(String name, int quantity, String unitPrice, String lineTotal) {
		return "{\"productId\":\"" + UUID.randomUUID() + "\",\"sku\":\"SKU-" + quantity + "\",\"name\":\"" + name
				+ "\",\"quantity\":" + quantity + ",\"unitPrice\":{\"amount\":\"" + unitPrice
				+ "\",\"currency\":\"USD\"},\"lineTotal\":{\"amount\":\"" + lineTotal + "\",\"currency\":\"USD\"}}";
	}

}
