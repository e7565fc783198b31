package dev.mercato.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the edge enforces, all from configuration ({@code mercato.gateway.*}).
 *
 * @param services the services {@code GET /api/health} aggregates: only those that are
 * deployed, so a service that does not exist yet cannot make the platform DOWN
 * @param maxRequestSize the largest request body accepted; larger is a 413
 * @param cors which browser origins may call the API
 * @param rateLimit requests per window per caller
 * @param circuitBreaker when a route's circuit opens
 */
@ConfigurationProperties("mercato.gateway")
public record GatewayProperties(@DefaultValue("identity") List<String> services,
		@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue Cors cors, @DefaultValue RateLimit rateLimit,
		@DefaultValue CircuitBreaker circuitBreaker) {

	/**
	 * CORS of the API.
	 *
	 * @param allowedOrigins origins allowed to call the API from a browser
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	public record Cors(@DefaultValue( {
			"http://localhost:5173", "http://localhost:8080" }) List<String> allowedOrigins,
			@DefaultValue("30m") Duration maxAge){

	}

	/**
	 * Fixed-window request limits, counted in Redis so they hold across replicas.
	 *
	 * @param enabled whether requests are limited at all
	 * @param window the counting window
	 * @param anonymous requests per window per client IP without a token
	 * @param authenticated requests per window per user with a valid token
	 * @param auth requests per window per client IP to {@code /api/auth/**}, token or not
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration window,
			@DefaultValue("100") int anonymous, @DefaultValue("600") int authenticated, @DefaultValue("20") int auth) {

	}

	/**
	 * Resilience4j settings shared by every route's breaker (one breaker per route).
	 *
	 * @param failureRateThreshold percentage of failed calls that opens the circuit
	 * @param slidingWindowSize calls the failure rate is computed over
	 * @param minimumNumberOfCalls calls needed before the rate is computed
	 * @param waitDurationInOpenState how long an open circuit answers 503 at once
	 * @param maxConcurrentCalls calls in flight per route before it answers 503
	 * SERVICE_BUSY
	 */
	public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
			@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
			@DefaultValue("30s") Duration waitDurationInOpenState, @DefaultValue("512") int maxConcurrentCalls) {

	}

}
