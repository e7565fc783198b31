package dev.mercato.platform.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.retry.RejectAndDontRequeueRecoverer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryPolicy;

/**
 * The RabbitMQ side of consuming: the topology from {@code mercato.events} and one
 * listener container per consumer.
 * <p>
 * Each consumer queue is a durable quorum queue that dead-letters to {@code <queue>.dlq}.
 * A failing handler is retried in the listener with exponential backoff; after the last
 * attempt the message is rejected without requeue and the broker moves it to the DLQ. A
 * malformed message goes there at once. Acknowledgement is automatic after the handler
 * returned, so a message in progress when the process dies is delivered again.
 */
final class RabbitEventListeners implements SmartLifecycle, DisposableBean {

	private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();

	private volatile boolean running;

	RabbitEventListeners(ConnectionFactory connectionFactory, AmqpAdmin admin, EventDispatcher dispatcher,
			Map<String, ResolvedConsumer> consumers) {
		consumers.forEach((name, consumer) -> this.containers
			.add(container(connectionFactory, admin, dispatcher, name, consumer)));
	}

	/**
	 * The exchanges, queues, dead-letter queues and bindings to declare.
	 */
	static Declarables topology(List<String> exchanges, Map<String, ResolvedConsumer> consumers) {
		// Consumers declare their source exchange too, so a consumer may start before the
		// producer.
		Set<String> exchangeNames = new LinkedHashSet<>(exchanges);
		consumers.values().forEach((consumer) -> exchangeNames.add(consumer.settings().exchange()));
		List<Declarable> declarables = new ArrayList<>();
		exchangeNames.forEach((exchange) -> declarables.add(new TopicExchange(exchange, true, false)));
		consumers.values().forEach((consumer) -> {
			Queue queue = QueueBuilder.durable(consumer.queue())
				.quorum()
				.deadLetterExchange("")
				.deadLetterRoutingKey(consumer.deadLetterQueue())
				.build();
			declarables.add(queue);
			declarables.add(QueueBuilder.durable(consumer.deadLetterQueue()).quorum().build());
			consumer.settings()
				.routingKeys()
				.forEach((routingKey) -> declarables.add(BindingBuilder.bind(queue)
					.to(new TopicExchange(consumer.settings().exchange()))
					.with(routingKey)));
		});
		return new Declarables(declarables);
	}

	private static SimpleMessageListenerContainer container(ConnectionFactory connectionFactory, AmqpAdmin admin,
			EventDispatcher dispatcher, String name, ResolvedConsumer consumer) {
		EventsProperties.Consumer settings = consumer.settings();
		EventsProperties.Retry retry = settings.retry();
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setBeanName("mercato-events-" + name);
		container.setQueueNames(consumer.queue());
		container.setAmqpAdmin(admin);
		container.setAcknowledgeMode(AcknowledgeMode.AUTO);
		// Whatever escapes the retries is rejected without requeue: dead-lettered, never
		// redelivered in a tight loop.
		container.setDefaultRequeueRejected(false);
		container.setConcurrentConsumers(settings.concurrency());
		container.setPrefetchCount(settings.prefetch());
		RetryPolicy policy = RetryPolicy.builder()
			.maxRetries(retry.maxAttempts() - 1)
			.delay(retry.initialInterval())
			.multiplier(retry.multiplier())
			.maxDelay(retry.maxInterval())
			.predicate((failure) -> !isMalformed(failure))
			.build();
		container.setAdviceChain(RetryInterceptorBuilder.stateless()
			.retryPolicy(policy)
			.recoverer(new RejectAndDontRequeueRecoverer(() -> "Consumer '" + name + "' gave up on the message"))
			.build());
		container.setMessageListener((message) -> dispatcher.dispatch(name, message.getBody()));
		container.afterPropertiesSet();
		return container;
	}

	private static boolean isMalformed(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MalformedEventException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void start() {
		this.containers.forEach(SimpleMessageListenerContainer::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.containers.forEach(SimpleMessageListenerContainer::stop);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void destroy() {
		this.containers.forEach(SimpleMessageListenerContainer::destroy);
	}

	/**
	 * A configured consumer with its queue names resolved.
	 */
	record ResolvedConsumer(EventsProperties.Consumer settings, String queue) {

		String deadLetterQueue() {
			return this.queue + ".dlq";
		}

	}

}
