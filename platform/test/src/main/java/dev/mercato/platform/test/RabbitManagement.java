package dev.mercato.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the RabbitMQ management HTTP API, scoped to one virtual host.
 */
public final class RabbitManagement {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private final String authorization;

	private final String vhost;

	RabbitManagement(String baseUrl, String user, String password, String vhost) {
		this.baseUrl = baseUrl;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.vhost = vhost;
	}

	/**
	 * Closes every client connection to the virtual host, as a broker outage would.
	 * Clients with automatic recovery reconnect afterwards.
	 * @return how many connections were closed
	 */
	public int closeAllConnections() {
		JsonNode connections = get("/api/vhosts/" + encode(this.vhost) + "/connections");
		int closed = 0;
		for (JsonNode connection : connections) {
			send(request("/api/connections/" + encode(connection.get("name").asString())).DELETE()
				.header("X-Reason", "test: simulated broker outage")
				.build());
			closed++;
		}
		return closed;
	}

	/**
	 * Number of client connections to the virtual host.
	 * @return the connection count
	 */
	public int connectionCount() {
		return get("/api/vhosts/" + encode(this.vhost) + "/connections").size();
	}

	/**
	 * The queue's message count as the management API reports it. The API refreshes its
	 * statistics every few seconds: poll with Awaitility, never read it once.
	 * @param queue the queue name
	 * @return ready plus unacknowledged messages, or -1 when the queue does not exist
	 */
	public long queueDepth(String queue) {
		HttpResponse<String> response = send(
				request("/api/queues/" + encode(this.vhost) + "/" + encode(queue)).GET().build());
		if (response.statusCode() == 404) {
			return -1;
		}
		JsonNode messages = JSON.readTree(response.body()).get("messages");
		return (messages != null) ? messages.asLong() : 0;
	}

	/**
	 * Names of the queues of the virtual host.
	 * @return queue names
	 */
	public List<String> queueNames() {
		return get("/api/queues/" + encode(this.vhost)).valueStream()
			.map((queue) -> queue.get("name").asString())
			.toList();
	}

	void createVhost() {
		expectSuccess(send(request("/api/vhosts/" + encode(this.vhost)).PUT(HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json")
			.build()));
	}

	void grantAll(String user) {
		expectSuccess(send(request("/api/permissions/" + encode(this.vhost) + "/" + encode(user))
			.PUT(HttpRequest.BodyPublishers.ofString("{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"))
			.header("Content-Type", "application/json")
			.build()));
	}

	void deleteVhost() {
		HttpResponse<String> response = send(request("/api/vhosts/" + encode(this.vhost)).DELETE().build());
		if (response.statusCode() != 404) {
			expectSuccess(response);
		}
	}

	private JsonNode get(String path) {
		HttpResponse<String> response = send(request(path).GET().build());
		expectSuccess(response);
		return JSON.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", this.authorization);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("RabbitMQ management API not reachable at " + this.baseUrl
					+ " (is the rabbitmq_management plugin enabled? ./mercato test enables it)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void expectSuccess(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("RabbitMQ management API answered " + response.statusCode() + " to "
					+ response.request().method() + " " + response.request().uri() + ": " + response.body());
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
