package dev.mercato.gateway.routing;

import java.time.Duration;

import dev.mercato.gateway.GatewayProperties;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
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
 * <p>
 * Each breaker comes with a semaphore bulkhead of
 * {@code mercato.gateway.circuit-breaker.max-concurrent-calls} calls in flight per route
 * (Resilience4j's default of 25 throttled the edge far below what the services take); a
 * full one answers 503 {@code SERVICE_BUSY} without waiting.
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

	@Bean
	Customizer<ReactiveResilience4jBulkheadProvider> mercatoBulkheads(GatewayProperties properties) {
		BulkheadConfig bulkhead = BulkheadConfig.custom()
			.maxConcurrentCalls(properties.circuitBreaker().maxConcurrentCalls())
			.maxWaitDuration(Duration.ZERO)
			.build();
		return (provider) -> provider
			.configureDefault((id) -> new Resilience4jBulkheadConfigurationBuilder().bulkheadConfig(bulkhead).build());
	}

}
