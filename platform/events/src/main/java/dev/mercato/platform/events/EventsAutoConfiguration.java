package dev.mercato.platform.events;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auto-configuration of Mercato events: the {@link Outbox}, its relay, the RabbitMQ
 * topology and consumers running the application's {@link EventHandler} beans, and the
 * platform tables. Active when the application has a {@link DataSource} and a RabbitMQ
 * {@link ConnectionFactory}; {@code mercato.events.enabled=false} switches it off.
 */
@AutoConfiguration(
		after = { DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				TransactionAutoConfiguration.class, FlywayAutoConfiguration.class, RabbitAutoConfiguration.class,
				JacksonAutoConfiguration.class },
		afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({ RabbitTemplate.class, JdbcClient.class })
@ConditionalOnBean({ DataSource.class, ConnectionFactory.class })
@ConditionalOnBooleanProperty(name = "mercato.events.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventsProperties.class)
public final class EventsAutoConfiguration {

	private final EventsProperties properties;

	private final String applicationName;

	EventsAutoConfiguration(EventsProperties properties, Environment environment) {
		this.properties = properties;
		this.applicationName = environment.getProperty("spring.application.name", "application");
	}

	@Bean
	EventsSchema mercatoEventsSchema(DataSource dataSource,
			ObjectProvider<FlywayMigrationInitializer> applicationMigrations) {
		// The service's own migrations run first: its Flyway refuses a schema that is not
		// empty and has no history table of its own.
		applicationMigrations.ifAvailable((initializer) -> {
		});
		return new EventsSchema(dataSource);
	}

	@Bean
	EventStore mercatoEventStore(DataSource dataSource, EventsSchema schema) {
		return new EventStore(JdbcClient.create(dataSource));
	}

	@Bean
	CloudEventCodec mercatoCloudEventCodec() {
		return new CloudEventCodec(JsonMapper.builder().build());
	}

	@Bean
	EventsJson mercatoEventsJson(ObjectProvider<JsonMapper> jsonMapper) {
		// The application's mapper (its modules and naming) for event data, but tolerant
		// of
		// fields it does not know: producers add fields without a new version.
		JsonMapper base = jsonMapper.getIfUnique(() -> JsonMapper.builder().build());
		return new EventsJson(base.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
	}

	@Bean
	EventPublisher mercatoEventPublisher(ConnectionFactory connectionFactory) {
		return new RabbitEventPublisher(connectionFactory);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mercato.events.outbox.relay-enabled", matchIfMissing = true)
	OutboxRelay mercatoOutboxRelay(EventStore store, DataSource dataSource, EventPublisher publisher,
			ObjectProvider<MeterRegistry> meters) {
		return new OutboxRelay(store, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), publisher,
				this.properties.outbox(), this.properties.inbox().retention(),
				meters.getIfUnique(SimpleMeterRegistry::new));
	}

	@Bean
	Outbox outbox(EventStore store, EventsJson json, CloudEventCodec codec, ObjectProvider<EventTracing> tracing,
			ObjectProvider<OutboxRelay> relay) {
		String source = (this.properties.source() != null) ? this.properties.source() : "/" + this.applicationName;
		OutboxRelay localRelay = relay.getIfAvailable();
		Runnable wake = (localRelay != null) ? localRelay::wake : () -> {
		};
		return new Outbox(store, json.mapper(), codec, tracing.getIfAvailable(() -> EventTracing.NONE), source,
				new LinkedHashSet<>(this.properties.exchanges()), wake);
	}

	@Bean
	Declarables mercatoEventsTopology() {
		return RabbitEventListeners.topology(this.properties.exchanges(), consumers());
	}

	@Bean
	EventDispatcher mercatoEventDispatcher(CloudEventCodec codec, EventsJson json, EventStore store,
			PlatformTransactionManager transactionManager, ObjectProvider<EventTracing> tracing,
			ObjectProvider<MeterRegistry> meters, List<EventHandler<?>> handlers) {
		return new EventDispatcher(codec, json.mapper(), store, new TransactionTemplate(transactionManager),
				tracing.getIfAvailable(() -> EventTracing.NONE), meters.getIfUnique(SimpleMeterRegistry::new),
				this.properties.consumers().keySet(), handlers);
	}

	@Bean
	RabbitEventListeners mercatoEventListeners(ConnectionFactory connectionFactory, AmqpAdmin admin,
			EventDispatcher dispatcher) {
		return new RabbitEventListeners(connectionFactory, admin, dispatcher, consumers());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "mercato.events.health-pong.enabled", matchIfMissing = true)
	static class HealthPongConfiguration {

		private final Queue queue;

		HealthPongConfiguration(Environment environment) {
			this.queue = HealthPongResponder
				.newQueue(environment.getProperty("spring.application.name", "application"));
		}

		@Bean
		Declarables mercatoHealthPongTopology() {
			return HealthPongResponder.topology(this.queue);
		}

		@Bean
		HealthPongResponder mercatoHealthPongResponder(ConnectionFactory connectionFactory, Environment environment) {
			return new HealthPongResponder(connectionFactory, this.queue, JsonMapper.builder().build(),
					environment.getProperty("spring.application.name", "application"),
					environment.getProperty("server.port", Integer.class, 8080));
		}

	}

	private Map<String, RabbitEventListeners.ResolvedConsumer> consumers() {
		Map<String, RabbitEventListeners.ResolvedConsumer> consumers = new LinkedHashMap<>();
		this.properties.consumers().forEach((name, consumer) -> {
			String queue = (consumer.queue() != null) ? consumer.queue()
					: this.applicationName + "." + consumer.exchange();
			consumers.put(name, new RabbitEventListeners.ResolvedConsumer(consumer, queue));
		});
		return consumers;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TracingConfiguration {

		@Bean
		EventTracing mercatoEventTracing(ObjectProvider<Tracer> tracer) {
			Tracer available = tracer.getIfUnique();
			return (available != null) ? new MicrometerEventTracing(available) : EventTracing.NONE;
		}

	}

	/**
	 * The JSON mapper for event data, kept apart from the application's mapper bean.
	 */
	record EventsJson(JsonMapper mapper) {
	}

}
