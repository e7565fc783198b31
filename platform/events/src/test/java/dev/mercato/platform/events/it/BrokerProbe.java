package dev.mercato.platform.events.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.mercato.platform.test.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * The test's own connection to the broker (never through the application, whose
 * connection a test may cut): declares probe queues, sends raw messages and collects what
 * the application published.
 */
final class BrokerProbe implements AutoCloseable {

	private final CachingConnectionFactory connectionFactory;

	private final RabbitTemplate template;

	private final RabbitAdmin admin;

	BrokerProbe(TestInfrastructure infrastructure) {
		this.connectionFactory = new CachingConnectionFactory(infrastructure.rabbitHost(), infrastructure.rabbitPort());
		this.connectionFactory.setUsername(infrastructure.rabbitUser());
		this.connectionFactory.setPassword(infrastructure.rabbitPassword());
		this.connectionFactory.setVirtualHost(infrastructure.rabbitVhost());
		this.template = new RabbitTemplate(this.connectionFactory);
		this.admin = new RabbitAdmin(this.connectionFactory);
	}

	/**
	 * Declares a queue bound to the exchange (declared too, as the application does).
	 */
	String bind(String queue, String exchange, String routingKey) {
		TopicExchange topic = new TopicExchange(exchange, true, false);
		this.admin.declareExchange(topic);
		this.admin.declareQueue(new Queue(queue, true, false, false));
		this.admin.declareBinding(BindingBuilder.bind(new Queue(queue)).to(topic).with(routingKey));
		return queue;
	}

	void send(String exchange, String routingKey, Message message) {
		this.template.send(exchange, routingKey, message);
	}

	/**
	 * Waits until the queue has yielded at least {@code count} messages and returns them.
	 */
	List<Message> receive(String queue, int count, Duration timeout) {
		List<Message> received = new ArrayList<>();
		await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
			for (Message message = this.template.receive(queue); message != null; message = this.template
				.receive(queue)) {
				received.add(message);
			}
			return received.size() >= count;
		});
		return received;
	}

	/**
	 * Everything in the queue now.
	 */
	List<Message> drain(String queue) {
		List<Message> received = new ArrayList<>();
		for (Message message = this.template.receive(queue, 200); message != null; message = this.template
			.receive(queue, 200)) {
			received.add(message);
		}
		return received;
	}

	static List<String> eventIds(List<Message> messages) {
		return messages.stream().map((message) -> message.getMessageProperties().getMessageId()).toList();
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}
