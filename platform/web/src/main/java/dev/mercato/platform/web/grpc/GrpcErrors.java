package dev.mercato.platform.web.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.mercato.platform.web.ApiException;

/**
 * The one mapping of exceptions to gRPC status codes for every Mercato service, as
 * {@code ProblemDetailsAdvice} is for HTTP: handlers throw the shared exception types and
 * never call {@code onError} themselves.
 * <ul>
 * <li>{@link ApiException} by its HTTP status: 400 {@code INVALID_ARGUMENT}, 401
 * {@code UNAUTHENTICATED}, 403 {@code PERMISSION_DENIED}, 404 {@code NOT_FOUND}, 409 and
 * 422 {@code FAILED_PRECONDITION}, 429 {@code RESOURCE_EXHAUSTED}, 503
 * {@code UNAVAILABLE}; its detail is the description, its code the trailer
 * {@value #CODE_KEY_NAME}.</li>
 * <li>Spring Security's authentication and access-denied exceptions:
 * {@code UNAUTHENTICATED}, {@code PERMISSION_DENIED}.</li>
 * <li>A database that is down, or a transaction that lost a race it may win next time
 * (resource failure, transient data access, no transaction): {@code UNAVAILABLE}, so the
 * caller retries.</li>
 * <li>A status the handler threw on purpose keeps it.</li>
 * <li>Anything else: {@code INTERNAL}, logged here; the caller sees neither the message
 * nor the stack trace.</li>
 * </ul>
 */
public class GrpcErrors implements GrpcExceptionHandler {

	/** Name of the trailer that carries an {@link ApiException}'s code. */
	public static final String CODE_KEY_NAME = "mercato-code";

	/** The trailer that carries an {@link ApiException}'s code. */
	public static final Metadata.Key<String> CODE_KEY = Metadata.Key.of(CODE_KEY_NAME,
			Metadata.ASCII_STRING_MARSHALLER);

	private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

	@Override
	public StatusException handleException(Throwable exception) {
		if (exception instanceof StatusException status) {
			return status;
		}
		if (exception instanceof StatusRuntimeException status) {
			return status.getStatus().asException(status.getTrailers());
		}
		if (exception instanceof ApiException api) {
			Metadata trailers = new Metadata();
			trailers.put(CODE_KEY, api.getCode());
			return status(api.getStatus()).withDescription(api.getMessage()).asException(trailers);
		}
		if (exception instanceof AuthenticationException) {
			return Status.UNAUTHENTICATED.withDescription("Authentication failed").asException();
		}
		if (exception instanceof AccessDeniedException) {
			return Status.PERMISSION_DENIED.withDescription("Access denied").asException();
		}
		if (exception instanceof DataAccessResourceFailureException || exception instanceof TransientDataAccessException
				|| exception instanceof CannotCreateTransactionException) {
			log.warn("gRPC call failed on the database: {}", exception.toString());
			return Status.UNAVAILABLE.withDescription("The service cannot reach its database right now").asException();
		}
		log.error("gRPC call failed", exception);
		return Status.INTERNAL.withDescription("Internal error").asException();
	}

	/**
	 * The gRPC status of an exception, as a caller will see it.
	 * @param exception what a handler threw
	 * @return the status, with its description
	 */
	public Status statusOf(Throwable exception) {
		return handleException(exception).getStatus();
	}

	private static Status status(HttpStatus http) {
		return switch (http) {
			case BAD_REQUEST -> Status.INVALID_ARGUMENT;
			case UNAUTHORIZED -> Status.UNAUTHENTICATED;
			case FORBIDDEN -> Status.PERMISSION_DENIED;
			case NOT_FOUND -> Status.NOT_FOUND;
			case CONFLICT, UNPROCESSABLE_CONTENT -> Status.FAILED_PRECONDITION;
			case TOO_MANY_REQUESTS -> Status.RESOURCE_EXHAUSTED;
			case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT -> Status.UNAVAILABLE;
			default -> http.is4xxClientError() ? Status.FAILED_PRECONDITION : Status.INTERNAL;
		};
	}

}
