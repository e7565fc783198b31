package dev.mercato.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.slf4j.MDC;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem documents every Mercato service answers errors with: the
 * standard members plus {@code code}, {@code traceId}, {@code requestId} and, for invalid
 * input, {@code errors}.
 */
public final class Problems {

	/** MDC key of the request id, set by the request-id filters. */
	public static final String REQUEST_ID = "requestId";

	/** MDC key of the trace id, set by Micrometer Tracing. */
	public static final String TRACE_ID = "traceId";

	/** Header carrying the request id in and out. */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	private static final String TYPE_PREFIX = "urn:mercato:problem:";

	private Problems() {
	}

	/**
	 * A problem with the given status, code and detail.
	 * @param status the HTTP status
	 * @param code the stable code, e.g. {@code EMAIL_TAKEN}
	 * @param detail the human-readable explanation
	 * @return the problem, with type {@code urn:mercato:problem:<code>}
	 */
	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return withCode(problem, code);
	}

	/**
	 * Adds the code (and the matching type) to a problem built elsewhere, e.g. by Spring.
	 * @param problem the problem
	 * @param code the code
	 * @return the same problem
	 */
	public static ProblemDetail withCode(ProblemDetail problem, String code) {
		problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * Adds the invalid fields.
	 * @param problem the problem
	 * @param errors the field errors
	 * @return the same problem
	 */
	public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * Adds the trace id and request id of the current thread's MDC, where present.
	 * @param problem the problem
	 * @return the same problem
	 */
	public static ProblemDetail withCorrelation(ProblemDetail problem) {
		return withCorrelation(problem, MDC.get(TRACE_ID), MDC.get(REQUEST_ID));
	}

	/**
	 * Adds the given trace id and request id, where present.
	 * @param problem the problem
	 * @param traceId the trace id or {@code null}
	 * @param requestId the request id or {@code null}
	 * @return the same problem
	 */
	public static ProblemDetail withCorrelation(ProblemDetail problem, String traceId, String requestId) {
		if (traceId != null) {
			problem.setProperty("traceId", traceId);
		}
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	/**
	 * The code Mercato uses for a status when nothing more specific is known.
	 * @param status the status
	 * @return e.g. {@code NOT_FOUND}
	 */
	public static String defaultCode(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "BAD_REQUEST";
			case 401 -> "UNAUTHORIZED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 409 -> "CONFLICT";
			case 413 -> "PAYLOAD_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			case 422 -> "UNPROCESSABLE";
			case 429 -> "TOO_MANY_REQUESTS";
			case 503 -> "SERVICE_UNAVAILABLE";
			case 504 -> "GATEWAY_TIMEOUT";
			default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "ERROR_" + status.value();
		};
	}

	/**
	 * Whether a request id received from a client may be reused: short and plain, so it
	 * cannot forge log lines.
	 * @param candidate the received value
	 * @return whether it is acceptable
	 */
	public static boolean isValidRequestId(String candidate) {
		return candidate != null && !candidate.isEmpty() && candidate.length() <= 128
				&& candidate.chars()
					.allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
							|| c == '-' || c == '_' || c == '.');
	}

}
