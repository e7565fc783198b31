package dev.mercato.gateway.routing;

import java.security.Principal;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service behind the gateway who the caller is: {@value #USER_ID} carries the
 * token's subject. A value sent by the client is always dropped, so the header can only
 * come from a token the gateway verified. The {@code Authorization} header is forwarded
 * unchanged: services verify the token themselves.
 */
@Component
class UserIdHeaderFilter implements GlobalFilter, Ordered {

	static final String USER_ID = "X-User-Id";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.map(UserIdHeaderFilter::userId)
			.defaultIfEmpty(Optional.empty())
			.flatMap((userId) -> {
				ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
					headers.remove(USER_ID);
					userId.ifPresent((id) -> headers.set(USER_ID, id));
				}).build();
				return chain.filter(exchange.mutate().request(request).build());
			});
	}

	private static Optional<String> userId(Principal principal) {
		if (principal instanceof JwtAuthenticationToken jwt) {
			return Optional.ofNullable(jwt.getToken().getSubject());
		}
		return Optional.empty();
	}

	@Override
	public int getOrder() {
		// before routing; the header must be in place when the request is forwarded
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
