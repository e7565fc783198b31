package dev.mercato.platform.events.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.mercato.platform.test.IsolatedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service answers a health ping on {@code system.health} with a pong naming it.
 */
@SpringBootTest(classes = EventsTestApplication.class, properties = "spring.application.name=pong-probe")
@IsolatedInfrastructure
class HealthPongIT {

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	@Test
	void answersAPingWithAPong() {
		TopicExchange exchange = new TopicExchange("system.health", true, false);
		Queue pongs = new Queue("probe.pongs", false, true, true);
		this.admin.declareQueue(pongs);
		this.admin.declareBinding(BindingBuilder.bind(pongs).to(exchange).with("system.pong"));
		String pingId = UUID.randomUUID().toString();

		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		Message ping = new Message(
				("{\"pingId\":\"" + pingId + "\",\"source\":\"gateway\"}").getBytes(StandardCharsets.UTF_8),
				properties);
		this.rabbit.invoke((operations) -> {
			operations.send("system.health", "system.ping", ping);
			operations.waitForConfirmsOrDie(5000);
			return null;
		});

		Message pong = this.rabbit.receive(pongs.getName(), Duration.ofSeconds(10).toMillis());
		assertThat(pong).isNotNull();
		String body = new String(pong.getBody(), StandardCharsets.UTF_8);
		assertThat(body).contains("\"pingId\":\"" + pingId + "\"")
			.contains("\"service\":\"pong-probe\"")
			.contains("\"instance\":")
			.contains("\"version\":");
	}

}
