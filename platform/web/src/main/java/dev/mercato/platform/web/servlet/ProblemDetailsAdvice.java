package dev.mercato.platform.web.servlet;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.mercato.platform.web.ApiException;
import dev.mercato.platform.web.FieldError;
import dev.mercato.platform.web.Problems;
import dev.mercato.platform.web.TooManyRequestsException;

/**
 * The one place a Spring MVC service turns exceptions into RFC 9457 problem documents.
 * Client mistakes never become a 500; unexpected failures become a 500 without internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> handleApiException(ApiException ex, WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof TooManyRequestsException tooMany && tooMany.getRetryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, tooMany.getRetryAfter().toSeconds())));
		}
		return createResponseEntity(Problems.of(ex.getStatus(), ex.getCode(), ex.getMessage()), headers, ex.getStatus(),
				request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		ProblemDetail problem = Problems.withErrors(
				Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields."), errors);
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> handleArgumentTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		ProblemDetail problem = Problems.withErrors(
				Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
						"Parameter '" + ex.getName() + "' has an invalid value."),
				List.of(new FieldError(ex.getName(), "must be a valid " + expected)));
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
		boolean missing = ex instanceof AuthenticationCredentialsNotFoundException
				|| ex instanceof InsufficientAuthenticationException;
		ProblemDetail problem = missing
				? Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Authentication required.")
				: Problems.of(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "The access token is invalid or expired.");
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		return createResponseEntity(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this."),
				new HttpHeaders(), HttpStatus.FORBIDDEN, request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> handleOptimisticLock(OptimisticLockingFailureException ex, WebRequest request) {
		return createResponseEntity(
				Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
						"The resource was changed by another request; reload and try again."),
				new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleDataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
		log.info("Data integrity violation answered as 409: {}", ex.getMostSpecificCause().getMessage());
		return createResponseEntity(
				Problems.of(HttpStatus.CONFLICT, "CONFLICT", "The request conflicts with existing data."),
				new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error", ex);
		return createResponseEntity(
				Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
						"An unexpected error occurred. Quote the traceId when reporting it."),
				new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.withErrors(
				Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields."),
				fieldErrors(ex.getBindingResult()));
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldError(
						(result.getMethodParameter().getParameterName() != null)
								? result.getMethodParameter().getParameterName() : "parameter",
						error.getDefaultMessage()))));
		ProblemDetail problem = Problems.withErrors(
				Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields."), errors);
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
				"The request body is missing or is not valid JSON.");
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unrecognized) {
			problem = Problems.withErrors(
					Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body has an unknown field."),
					List.of(new FieldError(path(unrecognized), "is not a known field")));
		}
		else if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
			DatabindException databind = (DatabindException) cause;
			String field = path(databind);
			problem = Problems.withErrors(
					Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
							"The request body has a field of the wrong type."),
					List.of(new FieldError(field.isEmpty() ? "body" : field, "has the wrong type or format")));
		}
		else if (cause instanceof JacksonException) {
			problem.setDetail("The request body is not valid JSON.");
		}
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Every problem leaves through here: fill in the code where Spring built the problem,
	 * and the correlation ids.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
				Problems.withCode(problem, Problems.defaultCode(statusCode));
			}
			Problems.withCorrelation(problem);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	static List<FieldError> fieldErrors(BindingResult result) {
		List<FieldError> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(),
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid")));
		result.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return errors;
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

}
