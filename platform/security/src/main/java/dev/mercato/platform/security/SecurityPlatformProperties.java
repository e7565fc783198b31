package dev.mercato.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service validates access tokens and which paths it serves without one.
 *
 * @param jwt where the verification keys come from and which claims must hold
 * @param publicPaths request patterns served without a token: {@code /api/auth/**} for
 * every method, or {@code GET /api/products/**} for one method
 * @param service how this service obtains its own token for internal calls
 */
@ConfigurationProperties("mercato.security")
public record SecurityPlatformProperties(Jwt jwt, List<String> publicPaths, Service service) {

	public SecurityPlatformProperties {
		jwt = (jwt != null) ? jwt : new Jwt(null, null, null, null);
		publicPaths = (publicPaths != null) ? List.copyOf(publicPaths) : List.of();
		service = (service != null) ? service : new Service(null, null, null);
	}

	/**
	 * Paths every service serves without a token: health probes, metrics scrapes and the
	 * OpenAPI document.
	 * @return the service's public paths plus the operational ones
	 */
	public List<String> allPublicPaths() {
		List<String> all = new ArrayList<>(this.publicPaths);
		all.add("/actuator/health/**");
		all.add("/actuator/prometheus");
		all.add("/actuator/info");
		// The service's OpenAPI document, read by the gateway's Swagger UI.
		all.add("GET /v3/api-docs");
		all.add("/error");
		return all;
	}

	/**
	 * Access-token verification settings.
	 *
	 * @param jwksUri the identity service's JWK set
	 * @param issuer the required {@code iss}
	 * @param audience the required {@code aud}
	 * @param cacheSize how many verified tokens are remembered ({@link VerifiedTokens},
	 * default {@value VerifiedTokens#DEFAULT_CAPACITY}; 0 verifies every request afresh)
	 */
	public record Jwt(String jwksUri, String issuer, String audience, Integer cacheSize) {

		public Jwt {
			jwksUri = (jwksUri != null) ? jwksUri : "http://localhost:8081/.well-known/jwks.json";
			issuer = (issuer != null) ? issuer : "mercato-identity";
			audience = (audience != null) ? audience : "mercato";
			cacheSize = (cacheSize != null) ? cacheSize : VerifiedTokens.DEFAULT_CAPACITY;
		}

	}

	/**
	 * This service's credentials for the client-credentials grant at identity.
	 *
	 * @param tokenUri identity's token endpoint (default
	 * {@code $MERCATO_IDENTITY_URL/api/auth/service-token})
	 * @param clientId default {@code spring.application.name}
	 * @param clientSecret default {@code $MERCATO_SERVICE_SECRET}, or
	 * {@code dev-secret-<name>} for local runs
	 */
	public record Service(String tokenUri, String clientId, String clientSecret) {

	}

}
