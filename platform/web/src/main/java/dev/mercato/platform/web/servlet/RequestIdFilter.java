package dev.mercato.platform.web.servlet;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.mercato.platform.web.Problems;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is plain and
 * short, otherwise a new one. It is echoed in the response and put in the MDC, so every
 * log line and problem of the request carries it.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String received = request.getHeader(Problems.REQUEST_ID_HEADER);
		String requestId = Problems.isValidRequestId(received) ? received : UUID.randomUUID().toString();
		response.setHeader(Problems.REQUEST_ID_HEADER, requestId);
		MDC.put(Problems.REQUEST_ID, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(Problems.REQUEST_ID);
		}
	}

}
