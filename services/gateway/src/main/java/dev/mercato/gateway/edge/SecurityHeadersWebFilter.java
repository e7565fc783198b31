package dev.mercato.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Browser hardening headers on every response, upstream answers and errors alike. Set
 * when the response is committed, so they replace whatever a service sent. HSTS is sent
 * on plain HTTP too: the browser ignores it there, and behind a TLS-terminating proxy the
 * gateway cannot tell.
 */
@Component
class SecurityHeadersWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
			headers.set("Content-Security-Policy", "default-src 'self'");
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("X-Frame-Options", "DENY");
			headers.set("Referrer-Policy", "no-referrer");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

}
