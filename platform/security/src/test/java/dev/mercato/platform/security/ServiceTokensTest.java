package dev.mercato.platform.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import dev.mercato.platform.web.DependencyUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceTokensTest {

	private HttpServer identity;

	private final AtomicInteger issued = new AtomicInteger();

	private final List<String> requests = new ArrayList<>();

	private volatile int status = 200;

	private final MutableClock clock = new MutableClock();

	@BeforeEach
	void startIdentity() throws IOException {
		this.identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.identity.createContext("/api/auth/service-token", (exchange) -> {
			this.requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = ("{\"accessToken\":\"token-" + this.issued.incrementAndGet()
					+ "\",\"tokenType\":\"Bearer\",\"expiresIn\":300}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.identity.start();
	}

	@AfterEach
	void stopIdentity() {
		this.identity.stop(0);
	}

	private ServiceTokens tokens() {
		return new ServiceTokens(RestClient.builder(),
				"http://127.0.0.1:" + this.identity.getAddress().getPort() + "/api/auth/service-token", "ordering",
				"s3cret", this.clock);
	}

	@Test
	void fetchesWithClientCredentialsAndCachesUntilShortlyBeforeExpiry() {
		ServiceTokens tokens = tokens();
		assertThat(tokens.current()).isEqualTo("token-1");
		assertThat(tokens.authorizationHeader()).isEqualTo("Bearer token-1");
		assertThat(this.requests).singleElement()
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString("ordering:s3cret".getBytes(StandardCharsets.UTF_8))
					+ " grant_type=client_credentials");

		this.clock.advance(Duration.ofSeconds(230));
		assertThat(tokens.current()).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(tokens.current()).isEqualTo("token-2");
	}

	@Test
	void refusedCredentialsAreADependencyProblemNotAnInternalError() {
		this.status = 401;
		assertThatExceptionOfType(DependencyUnavailableException.class).isThrownBy(tokens()::current)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("SERVICE_TOKEN_UNAVAILABLE"));
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-22T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
