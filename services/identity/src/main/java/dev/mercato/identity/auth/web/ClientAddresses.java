package dev.mercato.identity.auth.web;

import java.util.Set;

import dev.mercato.identity.auth.LoginThrottleProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The client's address. Behind a trusted proxy (the gateway) it is the nearest
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy: the gateway appends
 * the address it saw to whatever the client sent, so the entries left of it are the
 * client's own claims and could be forged to dodge the per-address limit. When the
 * gateway sends a clean header this is its first hop. From anyone else the header is
 * ignored and the remote address counts.
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
		if (forwarded == null || !this.trustedProxies.contains(remote)) {
			return remote;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!hop.isEmpty() && !this.trustedProxies.contains(hop)) {
				return hop;
			}
		}
		return remote;
	}

}
