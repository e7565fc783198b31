package dev.mercato.platform.events;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults the Spring AMQP settings the outbox relay relies on (correlated publisher
 * confirms and returns) as the lowest-priority property source, so every service gets
 * them without configuration and an explicit setting still wins.
 */
public final class EventsRabbitDefaults implements EnvironmentPostProcessor {

	static final String NAME = "mercatoEventsRabbitDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(NAME)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(NAME, Map.of("spring.rabbitmq.publisher-confirm-type", "correlated",
					"spring.rabbitmq.publisher-returns", "true")));
	}

}
