package dev.mercato.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.mercato.platform.web.DependencyUnavailableException;

/**
 * The service's own access token for internal calls: obtained from identity with the
 * OAuth 2 client-credentials grant ({@code POST /api/auth/service-token}, HTTP Basic
 * client id and secret), cached, and renewed a minute before it expires.
 */
public class ServiceTokens {

	private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

	private final RestClient http;

	private final String tokenUri;

	private final String clientId;

	private final String clientSecret;

	private final Clock clock;

	private volatile Token cached;

	public ServiceTokens(RestClient.Builder http, String tokenUri, String clientId, String clientSecret, Clock clock) {
		this.http = http.build();
		this.tokenUri = tokenUri;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.clock = clock;
	}

	/**
	 * A valid service token, fetched from identity when none is cached or it is about to
	 * expire.
	 * @return the serialized JWT
	 * @throws DependencyUnavailableException when identity cannot issue one
	 */
	public String current() {
		Token token = this.cached;
		if (token == null || token.renewAt().isBefore(this.clock.instant())) {
			synchronized (this) {
				token = this.cached;
				if (token == null || token.renewAt().isBefore(this.clock.instant())) {
					token = fetch();
					this.cached = token;
				}
			}
		}
		return token.value();
	}

	private Token fetch() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		try {
			Map<?, ?> answer = this.http.post()
				.uri(this.tokenUri)
				.headers((headers) -> headers.setBasicAuth(this.clientId, this.clientSecret))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.retrieve()
				.body(Map.class);
			if (answer == null || !(answer.get("accessToken") instanceof String value)) {
				throw new DependencyUnavailableException("SERVICE_TOKEN_UNAVAILABLE",
						"identity answered without an access token");
			}
			long expiresIn = (answer.get("expiresIn") instanceof Number number) ? number.longValue() : 300;
			Instant renewAt = this.clock.instant()
				.plusSeconds(expiresIn)
				.minus(RENEW_BEFORE_EXPIRY.compareTo(Duration.ofSeconds(expiresIn / 2)) < 0 ? RENEW_BEFORE_EXPIRY
						: Duration.ofSeconds(expiresIn / 2));
			return new Token(value, renewAt);
		}
		catch (RestClientException ex) {
			throw new DependencyUnavailableException("SERVICE_TOKEN_UNAVAILABLE",
					"Could not obtain a service token from identity", ex);
		}
	}

	/**
	 * The value of an {@code Authorization} header carrying the current token.
	 * @return {@code Bearer <token>}
	 */
	public String authorizationHeader() {
		return "Bearer " + current();
	}

	private record Token(String value, Instant renewAt) {
	}

}
