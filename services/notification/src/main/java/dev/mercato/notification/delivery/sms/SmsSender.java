package dev.mercato.notification.delivery.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.mercato.notification.Channel;
import dev.mercato.notification.NotificationProperties;
import dev.mercato.notification.delivery.ChannelSender;
import dev.mercato.notification.delivery.DeliveryException;
import dev.mercato.notification.delivery.OutgoingMessage;

import org.springframework.stereotype.Component;

/**
 * SMS through a Twilio-style HTTP API: {@code POST
 * {base-url}/2010-04-01/Accounts/{sid}/Messages.json}, form-encoded {@code To},
 * {@code From}, {@code Body}, basic auth {@code sid:token}. A 2xx is accepted; 429 and
 * 5xx are retried; any other 4xx (an invalid number, a blocked recipient) is permanent
 * and its body is kept as the reason. Off while no account sid is configured.
 */
@Component
class SmsSender implements ChannelSender {

	private static final int MAX_REASON = 300;

	private final NotificationProperties.Sms config;

	private final HttpClient http;

	SmsSender(NotificationProperties properties) {
		this.config = properties.sms();
		this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public boolean available() {
		return this.config.configured();
	}

	@Override
	public void send(OutgoingMessage message) throws DeliveryException {
		String base = this.config.baseUrl().endsWith("/")
				? this.config.baseUrl().substring(0, this.config.baseUrl().length() - 1) : this.config.baseUrl();
		URI uri = URI.create(base + "/2010-04-01/Accounts/"
				+ URLEncoder.encode(this.config.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("To", message.address());
		form.put("From", this.config.from());
		form.put("Body", message.content().text().strip());
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String credentials = Base64.getEncoder()
			.encodeToString(
					(this.config.accountSid() + ":" + this.config.authToken()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.config.timeout())
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw DeliveryException.transientFailure("SMS_PROVIDER_UNAVAILABLE: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DeliveryException.transientFailure("SMS_INTERRUPTED", ex);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return;
		}
		String reason = "SMS_PROVIDER " + status + ": " + abbreviate(response.body());
		if (status == 429 || status >= 500) {
			throw DeliveryException.transientFailure(reason, null);
		}
		throw DeliveryException.permanent(reason, null);
	}

	private static String abbreviate(String body) {
		String oneLine = (body != null) ? body.replaceAll("\\s+", " ").strip() : "";
		return (oneLine.length() > MAX_REASON) ? oneLine.substring(0, MAX_REASON) : oneLine;
	}

}
