package dev.mercato.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for journeys: what a browser or mobile app would send.
 */
final class Http {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	record Response(int status, String contentType, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	Response get(String url, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build());
	}

	Response post(String url, String jsonBody) {
		return post(url, jsonBody, null);
	}

	Response post(String url, String jsonBody, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build());
	}

	/** A call to the RabbitMQ management API as guest. */
	Response rabbit(String method, String path, String jsonBody) {
		String auth = Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:15672" + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Basic " + auth)
			.header("Content-Type", "application/json")
			.method(method,
					(jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
							: HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
