package dev.mercato.identity.auth.web;

import java.util.Set;

import dev.mercato.identity.auth.LoginThrottleProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The client's address: the first hop of {@code X-Forwarded-For} when the request comes
 * from a trusted proxy (the gateway), else the remote address. Trusting the header from
 * anyone would let an attacker pick a fresh address for every attempt.
 */
@Component
class ClientAddresses {

	private final Set<String> trustedProxies;

	ClientAddresses(LoginThrottleProperties properties) {
		this.trustedProxies = Set.copyOf(properties.trustedProxies());
	}

	String of(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded != null && !forwarded.isBlank() && this.trustedProxies.contains(remote)) {
			String first = forwarded.split(",", 2)[0].strip();
			if (!first.isEmpty()) {
				return first;
			}
		}
		return remote;
	}

}
