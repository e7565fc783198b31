package dev.mercato.gateway.routing;

import java.time.Duration;

import dev.mercato.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One breaker per route (named after the route), all with the thresholds of
 * {@code mercato.gateway.circuit-breaker}. The breaker's own time limit is set far above
 * any route's response timeout: the HTTP client's per-route timeout cuts a slow call off
 * (504), and that failure is what the breaker counts.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

	private static final Duration ABOVE_ANY_ROUTE_TIMEOUT = Duration.ofMinutes(5);

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> mercatoCircuitBreakers(GatewayProperties properties) {
		GatewayProperties.CircuitBreaker settings = properties.circuitBreaker();
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.waitDurationInOpenState(settings.waitDurationInOpenState())
			.build();
		TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom().timeoutDuration(ABOVE_ANY_ROUTE_TIMEOUT).build();
		return (factory) -> factory
			.configureDefault((id) -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(breaker)
				.timeLimiterConfig(timeLimiter)
				.build());
	}

}
