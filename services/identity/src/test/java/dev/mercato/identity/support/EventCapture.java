package dev.mercato.identity.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import dev.mercato.contracts.events.EventSchemas;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A temporary queue bound to {@code user.events}; every event taken from it is checked
 * against the contract's JSON Schemas.
 */
public final class EventCapture {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RabbitTemplate rabbit;

	private final Queue queue;

	private EventCapture(RabbitTemplate rabbit, Queue queue) {
		this.rabbit = rabbit;
		this.queue = queue;
	}

	/** Binds a fresh exclusive, auto-delete queue with the routing key. */
	public static EventCapture bind(AmqpAdmin admin, RabbitTemplate rabbit, String routingKey) {
		Queue queue = new Queue("it." + routingKey + "." + UUID.randomUUID(), false, true, true);
		admin.declareQueue(queue);
		admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange("user.events")).with(routingKey));
		return new EventCapture(rabbit, queue);
	}

	/** Waits for the first event that matches, skipping others. */
	public JsonNode await(Predicate<JsonNode> matching) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(this::next, (event) -> event != null && matching.test(event));
	}

	/** Waits for the next event about the subject. */
	public JsonNode awaitSubject(String subject) {
		return await((event) -> subject.equals(event.get("subject").asString()));
	}

	private JsonNode next() throws IOException {
		Message message = this.rabbit.receive(this.queue.getName());
		if (message == null) {
			return null;
		}
		assertThat(EventSchemas.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(message.getBody())))
			.isEmpty();
		return JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
	}

}
