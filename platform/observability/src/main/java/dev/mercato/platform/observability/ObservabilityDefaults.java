package dev.mercato.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The observability settings every service shares, added as the lowest-precedence
 * property source so a service's own configuration or the environment can override each
 * of them.
 * <ul>
 * <li>actuator: health (with liveness/readiness groups), info and Prometheus
 * exposed;</li>
 * <li>tracing: W3C {@code traceparent} propagation, every request sampled (lower
 * {@code MANAGEMENT_TRACING_SAMPLING_PROBABILITY} in production), spans exported over
 * OTLP only when {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT} is
 * set;</li>
 * <li>metrics: pulled by Prometheus, so the OTLP metrics push is off;</li>
 * <li>messages: RabbitMQ listeners continue the producer's trace from the message's
 * {@code traceparent} header;</li>
 * <li>logs: one JSON object per line (logstash format) carrying {@code traceId},
 * {@code spanId} and {@code requestId}; {@code MERCATO_LOG_FORMAT=plain} turns it off for
 * reading logs on a terminal.</li>
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "mercatoObservabilityDefaults";

	/**
	 * After the application's own configuration files are loaded, so they take
	 * precedence.
	 */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		// Anonymous callers (probes, the gateway's aggregation) see the status only.
		defaults.put("management.endpoint.health.show-details", "when-authorized");
		defaults.put("management.endpoint.health.roles", "ADMIN");
		defaults.put("management.metrics.tags.application", "${spring.application.name:unknown}");
		defaults.put("management.tracing.sampling.probability", "1.0");
		defaults.put("management.tracing.propagation.type", "W3C");
		defaults.put("management.otlp.metrics.export.enabled", "false");
		defaults.put("spring.rabbitmq.listener.simple.observation-enabled", "true");
		defaults.put("spring.rabbitmq.listener.direct.observation-enabled", "true");
		if (!"plain".equalsIgnoreCase(environment.getProperty("MERCATO_LOG_FORMAT", "json"))) {
			defaults.put("logging.structured.format.console", "logstash");
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
	}

}
