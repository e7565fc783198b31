package dev.mercato.identity.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.mercato.platform.web.UnauthorizedException;

import org.springframework.stereotype.Service;

/**
 * Issues service tokens to the services configured in
 * {@code mercato.identity.service-clients} (client-credentials grant).
 */
@Service
public class ServiceTokenService {

	private final ServiceClientProperties clients;

	private final AccessTokenIssuer issuer;

	private final TokenProperties properties;

	ServiceTokenService(ServiceClientProperties clients, AccessTokenIssuer issuer, TokenProperties properties) {
		this.clients = clients;
		this.issuer = issuer;
		this.properties = properties;
	}

	/**
	 * Checks the client's credentials and issues a token for it.
	 * @param clientId the service name
	 * @param clientSecret its secret
	 * @return the token
	 * @throws UnauthorizedException for an unknown client or a wrong secret alike
	 */
	public ServiceToken issue(String clientId, String clientSecret) {
		String expected = (clientId != null) ? this.clients.serviceClients().get(clientId) : null;
		// Compared in constant time, and against a dummy for an unknown client, so timing
		// reveals neither the secret nor which clients exist.
		boolean matches = constantTimeEquals((expected != null) ? expected : "\0unknown-client",
				(clientSecret != null) ? clientSecret : "");
		if (expected == null || !matches) {
			throw new UnauthorizedException("INVALID_CLIENT", "Unknown client or wrong secret.");
		}
		return new ServiceToken(this.issuer.issueForService(clientId).getTokenValue(),
				this.properties.serviceTokenTtl().toSeconds());
	}

	private static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * An issued service token.
	 *
	 * @param accessToken the signed JWT
	 * @param expiresInSeconds its lifetime
	 */
	public record ServiceToken(String accessToken, long expiresInSeconds) {

		@Override
		public String toString() {
			return "ServiceToken[expiresInSeconds=" + this.expiresInSeconds + "]";
		}

	}

}
