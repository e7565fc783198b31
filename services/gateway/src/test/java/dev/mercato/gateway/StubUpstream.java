package dev.mercato.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A stand-in for a service behind the gateway: records what it receives, answers JSON,
 * serves a JWKS and an actuator health whose status the test controls, and has a path
 * that never answers (until the stub is stopped) to play a hung service.
 */
final class StubUpstream implements AutoCloseable {

	static final String SLOW_PATH = "/api/users/slow";

	private final HttpServer server;

	private final Queue<Recorded> requests = new ConcurrentLinkedQueue<>();

	private final CountDownLatch released = new CountDownLatch(1);

	private volatile String jwks = "{\"keys\":[]}";

	private volatile boolean healthy = true;

	StubUpstream() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Starts a stub on a free port. */
	static StubUpstream start() {
		try {
			return new StubUpstream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A port nothing listens on: an instance that is down. */
	/**
	 * Points the gateway at this stub as the (only) identity instance, JWK set included.
	 */
	void registerAsIdentity(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.identity[0].uri", this::url);
		registry.add("mercato.security.jwt.jwks-uri", () -> url() + "/.well-known/jwks.json");
	}

	/**
	 * Forgets what earlier tests sent and serves the tokens' JWK set again.
	 */
	void resetServingJwks(TestTokens tokens) {
		reset();
		serveJwks(tokens.jwks());
	}

	/**
	 * A client of the gateway under test.
	 */
	static WebTestClient.Builder gatewayClient(int port) {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(15));
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	void serveJwks(String jwks) {
		this.jwks = jwks;
	}

	void healthy(boolean healthy) {
		this.healthy = healthy;
	}

	List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	List<Recorded> requestsTo(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	void reset() {
		this.requests.clear();
		this.healthy = true;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.requests.add(new Recorded(exchange.getRequestMethod(), path, copy(exchange.getRequestHeaders())));
		exchange.getRequestBody().readAllBytes();
		switch (path) {
			case "/.well-known/jwks.json" -> respond(exchange, 200, this.jwks);
			case "/actuator/health" -> respond(exchange, this.healthy ? 200 : 503,
					this.healthy ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
			case String slow when slow.endsWith("/slow") -> {
				awaitRelease();
				respond(exchange, 200, "{\"late\":true}");
			}
			default -> respond(exchange, 200, "{\"path\":\"" + path + "\"}");
		}
	}

	private void awaitRelease() {
		try {
			this.released.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, List<String>> copy(Headers headers) {
		return Map.copyOf(headers);
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
	}

	record Recorded(String method, String path, Map<String, List<String>> headers) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

}
