package dev.mercato.platform.web;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import dev.mercato.platform.web.reactive.ProblemDetailsExceptionHandler;
import dev.mercato.platform.web.reactive.RequestIdWebFilter;

class ProblemDetailsExceptionHandlerTest {

	private final RouterFunction<ServerResponse> routes = RouterFunctions.route()
		.GET("/api/missing", (request) -> Mono.error(new NotFoundException("USER_NOT_FOUND", "No user 1")))
		.GET("/api/limited",
				(request) -> Mono
					.error(new TooManyRequestsException("RATE_LIMITED", "Slow down", Duration.ofSeconds(12))))
		.GET("/api/upstream-down", (request) -> Mono.error(new ConnectException("Connection refused")))
		.GET("/api/unrouted",
				(request) -> Mono
					.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No route for /api/unrouted")))
		.GET("/api/boom", (request) -> Mono.error(new IllegalStateException("secret")))
		.build();

	private final WebTestClient client = WebTestClient.bindToRouterFunction(this.routes)
		.handlerStrategies(HandlerStrategies.empty()
			.webFilter(new RequestIdWebFilter())
			.exceptionHandler(new ProblemDetailsExceptionHandler(ServerCodecConfigurer.create()))
			.build())
		.build();

	@Test
	void apiExceptionBecomesProblemWithRequestId() {
		this.client.get()
			.uri("/api/missing")
			.header("X-Request-Id", "abc-1")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Request-Id", "abc-1")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("USER_NOT_FOUND")
			.jsonPath("$.detail")
			.isEqualTo("No user 1")
			.jsonPath("$.requestId")
			.isEqualTo("abc-1");
	}

	@Test
	void tooManyRequestsCarriesRetryAfter() {
		this.client.get()
			.uri("/api/limited")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("Retry-After", "12");
	}

	@Test
	void unreachableUpstreamIs503AndUnknownRouteIs404() {
		this.client.get()
			.uri("/api/upstream-down")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SERVICE_UNAVAILABLE");
		this.client.get()
			.uri("/api/unrouted")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void unexpectedErrorHidesInternals() {
		this.client.get()
			.uri("/api/boom")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INTERNAL_ERROR")
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail).doesNotContain("secret"));
	}

}
