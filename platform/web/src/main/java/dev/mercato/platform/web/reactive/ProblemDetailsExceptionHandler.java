package dev.mercato.platform.web.reactive;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import dev.mercato.platform.web.ApiException;
import dev.mercato.platform.web.Problems;
import dev.mercato.platform.web.TooManyRequestsException;

/**
 * The WebFlux counterpart of the servlet advice (used by the gateway): every error leaves
 * as the same RFC 9457 document. An unreachable or slow upstream is a 503/504, not a hang
 * or a 500.
 */
public class ProblemDetailsExceptionHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

	private static final boolean TRACING_PRESENT = ClassUtils.isPresent(
			"io.micrometer.tracing.handler.TracingObservationHandler",
			ProblemDetailsExceptionHandler.class.getClassLoader());

	private final ServerResponse.Context context;

	public ProblemDetailsExceptionHandler(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpHeaders headers = new HttpHeaders();
		ProblemDetail problem = toProblem(ex, headers);
		Problems.withCorrelation(problem, traceId(exchange), exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE));
		exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
		return ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.headers((h) -> h.addAll(headers))
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

	/**
	 * The trace id of the request's server observation; WebFlux has no thread-bound MDC
	 * to read it from.
	 */
	private static String traceId(ServerWebExchange exchange) {
		if (!TRACING_PRESENT) {
			return null;
		}
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map((span) -> span.context().traceId())
			.orElse(null);
	}

	ProblemDetail toProblem(Throwable ex, HttpHeaders headers) {
		if (ex instanceof ApiException api) {
			if (api instanceof TooManyRequestsException tooMany && tooMany.getRetryAfter() != null) {
				headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, tooMany.getRetryAfter().toSeconds())));
			}
			return Problems.of(api.getStatus(), api.getCode(), api.getMessage());
		}
		if (ex instanceof AuthenticationCredentialsNotFoundException
				|| ex instanceof InsufficientAuthenticationException) {
			return Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Authentication required.");
		}
		if (ex instanceof AuthenticationException) {
			return Problems.of(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "The access token is invalid or expired.");
		}
		if (ex instanceof AccessDeniedException) {
			return Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this.");
		}
		if (ex instanceof ErrorResponse errorResponse) {
			HttpStatusCode status = errorResponse.getStatusCode();
			headers.addAll(errorResponse.getHeaders());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errorResponse.getBody().getDetail());
			if (status.value() == 404) {
				problem.setDetail("No such resource.");
			}
			if (status.is5xxServerError()) {
				log.warn("Answering {}: {}", status.value(), ex.getMessage());
			}
			return Problems.withCode(problem, Problems.defaultCode(status));
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		if (root instanceof ConnectException) {
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
					"A service needed for this request is unavailable. Try again shortly.");
		}
		if (root instanceof TimeoutException) {
			return Problems.of(HttpStatus.GATEWAY_TIMEOUT, "GATEWAY_TIMEOUT",
					"A service needed for this request did not answer in time.");
		}
		log.error("Unexpected error", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
				"An unexpected error occurred. Quote the requestId when reporting it.");
	}

}
