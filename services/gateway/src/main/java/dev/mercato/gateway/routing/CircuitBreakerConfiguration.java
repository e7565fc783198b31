package dev.mercato.gateway.routing;

import dev.mercato.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One breaker per route (named after the route), all with the thresholds of
 * {@code mercato.gateway.circuit-breaker}. The breaker has no time limit of its own
 * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): the HTTP
 * client's per-route response timeout cuts a slow call off (504), and that failure is
 * what the breaker counts; a WebSocket session may last as long as it likes.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> mercatoCircuitBreakers(GatewayProperties properties) {
		GatewayProperties.CircuitBreaker settings = properties.circuitBreaker();
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.waitDurationInOpenState(settings.waitDurationInOpenState())
			.build();
		return (factory) -> factory
			.configureDefault((id) -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(breaker).build());
	}

}
