package dev.mercato.platform.events;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Answers the gateway's health pings over the event bus (seed 004): every instance
 * listens on its own temporary queue bound to {@code system.health} / {@code system.ping}
 * and answers each ping with {@code {pingId, service, instance, version}} on
 * {@code system.pong}. Pings and pongs are transient and expire within seconds; they
 * never touch the outbox.
 */
public class HealthPongResponder implements InitializingBean, DisposableBean {

	static final String EXCHANGE = "system.health";

	static final String PING = "system.ping";

	static final String PONG = "system.pong";

	private static final long CONFIRM_TIMEOUT_MILLIS = 5000;

	private static final Log logger = LogFactory.getLog(HealthPongResponder.class);

	private final ConnectionFactory connectionFactory;

	private final ObjectMapper json;

	private final RabbitTemplate template;

	private final String service;

	private final String instance;

	private final String version;

	private SimpleMessageListenerContainer container;

	private final Queue queue;

	HealthPongResponder(ConnectionFactory connectionFactory, Queue queue, ObjectMapper json, String service, int port) {
		this.connectionFactory = connectionFactory;
		this.queue = queue;
		this.json = json;
		this.template = new RabbitTemplate(connectionFactory);
		this.service = service;
		this.instance = hostName() + ":" + port + "/" + ManagementFactory.getRuntimeMXBean().getPid();
		String implementation = HealthPongResponder.class.getPackage().getImplementationVersion();
		this.version = (implementation != null) ? implementation : "dev";
	}

	/**
	 * The topology: the durable {@code system.health} exchange and this instance's
	 * temporary queue, declared by the application's {@code AmqpAdmin} on every
	 * (re)connection.
	 * @param queue this instance's queue
	 * @return the declarables
	 */
	static Declarables topology(Queue queue) {
		TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
		return new Declarables(exchange, queue, BindingBuilder.bind(queue).to(exchange).with(PING));
	}

	/**
	 * A temporary queue of this instance: server-named queues cannot be redeclared after
	 * a reconnect, and Spring's {@code AnonymousQueue} adds an argument RabbitMQ 3.10
	 * refuses for classic queues.
	 * @param service the service name
	 * @return a non-durable, exclusive, auto-delete queue
	 */
	static Queue newQueue(String service) {
		return new Queue("system.ping." + service + "." + UUID.randomUUID(), false, true, true);
	}

	@Override
	public void afterPropertiesSet() {
		this.container = new SimpleMessageListenerContainer(this.connectionFactory);
		this.container.setQueues(this.queue);
		this.container.setMissingQueuesFatal(false);
		this.container.setMessageListener(this::answer);
		this.container.start();
	}

	void answer(Message ping) {
		String pingId;
		try {
			JsonNode body = this.json.readTree(new String(ping.getBody(), StandardCharsets.UTF_8));
			pingId = body.path("pingId").asString(null);
		}
		catch (JacksonException ex) {
			logger.debug("Ignoring a malformed ping: " + ex.getMessage());
			return;
		}
		if (pingId == null) {
			return;
		}
		Map<String, String> pong = new LinkedHashMap<>();
		pong.put("pingId", pingId);
		pong.put("service", this.service);
		pong.put("instance", this.instance);
		pong.put("version", this.version);
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setCorrelationId(pingId);
		properties.setExpiration("10000");
		Message message = new Message(this.json.writeValueAsString(pong).getBytes(StandardCharsets.UTF_8), properties);
		// The application's connection uses publisher confirms: wait for this one, so no
		// channel is left with an unconfirmed message to close asynchronously at
		// shutdown.
		this.template.invoke((operations) -> {
			operations.send(EXCHANGE, PONG, message);
			operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
			return null;
		});
	}

	@Override
	public void destroy() {
		if (this.container != null) {
			this.container.stop();
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
