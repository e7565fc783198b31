package dev.mercato.gateway.health;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.Queue;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * The event-bus half of {@code GET /api/health} (seed 004): publishes a {@code ping} on
 * the {@code system.health} topic exchange (routing key {@value #PING}) and collects, for
 * a short window, the {@code pong}s services answer with (routing key {@value #PONG}:
 * service, instance, version). Each gateway replica listens on its own exclusive queue
 * and only counts answers to its own pings. The bus being down costs nothing but the
 * pongs: the HTTP checks still answer.
 */
@Component
class BusPing {

	static final String EXCHANGE = "system.health";

	static final String PING = "system.ping";

	static final String PONG = "system.pong";

	private static final Logger log = LoggerFactory.getLogger(BusPing.class);

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final Duration window;

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	BusPing(RabbitTemplate rabbit, JsonMapper json, HealthProperties properties) {
		this.rabbit = rabbit;
		this.json = json;
		this.window = properties.pongWindow();
	}

	/**
	 * Pings and waits for the window, or less when every expected instance has answered.
	 * @param expected how many instances of each service are expected to answer
	 * @return the pongs per service, or empty when the ping could not be published
	 */
	Mono<Result> ping(Map<String, Integer> expected) {
		String pingId = UUID.randomUUID().toString();
		Pending answers = new Pending(System.nanoTime(), new ConcurrentLinkedQueue<>(), Map.copyOf(expected),
				Sinks.empty());
		return Mono.fromCallable(() -> {
			this.pending.put(pingId, answers);
			publish(pingId);
			return true;
		})
			// the AMQP client blocks
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.window)
			.onErrorResume((ex) -> {
				log.warn("Health ping not published on {}: {}", EXCHANGE, ex.toString());
				return Mono.just(false);
			})
			.flatMap((published) -> published
					? Mono.firstWithSignal(Mono.delay(this.window).then(), answers.allAnswered().asMono())
						.then(Mono.fromSupplier(() -> new Result(true, byService(answers.pongs()))))
					: Mono.just(new Result(false, Map.of())))
			.doFinally((signal) -> this.pending.remove(pingId));
	}

	private void publish(String pingId) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setCorrelationId(pingId);
		properties.setDeliveryMode(MessageDeliveryMode.NON_PERSISTENT);
		// a service that was not there in time must not answer later
		properties.setExpiration(String.valueOf(this.window.toMillis()));
		byte[] body = this.json.writeValueAsBytes(new Ping(pingId, "gateway", Instant.now()));
		this.rabbit.send(EXCHANGE, PING, new Message(body, properties));
	}

	@RabbitListener(bindings = @QueueBinding(value = @Queue(exclusive = "true", autoDelete = "true", durable = "false"),
			exchange = @Exchange(name = EXCHANGE, type = ExchangeTypes.TOPIC), key = PONG))
	void onPong(Message message) {
		Pong pong;
		try {
			pong = this.json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), Pong.class);
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring a malformed pong: {}", ex.toString());
			return;
		}
		Pending answers = (pong.pingId() != null) ? this.pending.get(pong.pingId()) : null;
		if (answers == null || pong.service() == null) {
			// another replica's ping, or one whose window has closed
			return;
		}
		long latencyMs = Duration.ofNanos(System.nanoTime() - answers.startedNanos()).toMillis();
		answers.pongs().add(new PlatformHealth.Pong(pong.service(), pong.instance(), pong.version(), latencyMs));
		if (answers.complete()) {
			answers.allAnswered().tryEmitEmpty();
		}
	}

	private static Map<String, List<PlatformHealth.Pong>> byService(java.util.Queue<PlatformHealth.Pong> pongs) {
		return pongs.stream().collect(Collectors.groupingBy(PlatformHealth.Pong::service));
	}

	/**
	 * @param published whether the ping reached the broker
	 * @param pongs the answers per service
	 */
	record Result(boolean published, Map<String, List<PlatformHealth.Pong>> pongs) {

	}

	/**
	 * The ping's body.
	 *
	 * @param pingId the id pongs must carry back
	 * @param source who pings
	 * @param sentAt when
	 */
	record Ping(String pingId, String source, Instant sentAt) {

	}

	/**
	 * A pong's body.
	 *
	 * @param pingId the ping answered
	 * @param service the service name, e.g. {@code identity}
	 * @param instance the instance, e.g. host:port or a pod name
	 * @param version the running version
	 */
	record Pong(String pingId, String service, String instance, String version) {

	}

	private record Pending(long startedNanos, java.util.Queue<PlatformHealth.Pong> pongs, Map<String, Integer> expected,
			Sinks.Empty<Void> allAnswered) {

		boolean complete() {
			Map<String, Long> answered = this.pongs.stream()
				.collect(Collectors.groupingBy(PlatformHealth.Pong::service, Collectors.counting()));
			return this.expected.entrySet()
				.stream()
				.allMatch((entry) -> answered.getOrDefault(entry.getKey(), 0L) >= entry.getValue());
		}

	}

}
