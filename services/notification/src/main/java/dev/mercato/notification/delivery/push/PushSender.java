package dev.mercato.notification.delivery.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.mercato.notification.Channel;
import dev.mercato.notification.NotificationProperties;
import dev.mercato.notification.delivery.ChannelSender;
import dev.mercato.notification.delivery.DeliveryException;
import dev.mercato.notification.delivery.OutgoingMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Web Push to every subscription of the user: an encrypted {@code aes128gcm} body
 * ({@code {"title", "body", "notificationId"}}), a VAPID {@code Authorization}, a TTL and
 * a {@code Topic} derived from the notification id (a push service replaces an
 * undelivered message of the same topic, so a resend after a crash is shown once).
 * 404/410 mean the subscription is gone: it is deleted. The message is sent when one
 * subscription took it; 429/5xx/network errors are retried; when every subscription is
 * gone it is FAILED.
 */
@Component
class PushSender implements ChannelSender {

	private final PushSubscriptions subscriptions;

	private final VapidKeys vapid;

	private final NotificationProperties.Push config;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	PushSender(PushSubscriptions subscriptions, VapidKeys vapid, NotificationProperties properties, JsonMapper json,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.vapid = vapid;
		this.config = properties.push();
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
	}

	@Override
	public Channel channel() {
		return Channel.PUSH;
	}

	@Override
	public void send(OutgoingMessage message) throws DeliveryException {
		List<PushSubscription> targets = this.subscriptions.of(message.userId());
		if (targets.isEmpty()) {
			throw DeliveryException.permanent("NO_PUSH_SUBSCRIPTION", null);
		}
		byte[] payload = this.json.writeValueAsBytes(Map.of("title", message.content().subject(), "body",
				message.content().text().strip(), "notificationId", message.notificationId().toString()));
		boolean delivered = false;
		String transientReason = null;
		String lastReason = null;
		for (PushSubscription subscription : targets) {
			try {
				int status = post(subscription, payload, message.notificationId());
				if (status >= 200 && status < 300) {
					delivered = true;
				}
				else if (status == 404 || status == 410) {
					this.subscriptions.delete(subscription.id());
					lastReason = "PUSH_SUBSCRIPTION_GONE " + status;
				}
				else if (status == 429 || status >= 500) {
					transientReason = "PUSH_SERVICE " + status;
				}
				else {
					lastReason = "PUSH_REJECTED " + status;
				}
			}
			catch (IOException ex) {
				transientReason = "PUSH_SERVICE_UNAVAILABLE: " + ex;
			}
			catch (IllegalArgumentException ex) {
				lastReason = "PUSH_SUBSCRIPTION_INVALID: " + ex.getMessage();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw DeliveryException.transientFailure("PUSH_INTERRUPTED", ex);
			}
		}
		if (delivered) {
			return;
		}
		if (transientReason != null) {
			throw DeliveryException.transientFailure(transientReason, null);
		}
		throw DeliveryException.permanent(lastReason, null);
	}

	private int post(PushSubscription subscription, byte[] payload, UUID notificationId)
			throws IOException, InterruptedException {
		URI endpoint = URI.create(subscription.endpoint());
		byte[] body = WebPushCrypto.encrypt(payload, WebPushCrypto.fromBase64Url(subscription.p256dh()),
				WebPushCrypto.fromBase64Url(subscription.auth()));
		String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
		long expiry = this.clock.instant().getEpochSecond() + 12 * 3600;
		String jwt = WebPushCrypto.vapidJwt(audience, this.config.subject(), expiry, this.vapid.privateKey());
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(this.config.timeout())
			.header("Authorization", "vapid t=" + jwt + ", k=" + this.vapid.publicKey())
			.header("Content-Encoding", "aes128gcm")
			.header("Content-Type", "application/octet-stream")
			.header("TTL", String.valueOf(this.config.ttl().toSeconds()))
			.header("Urgency", "normal")
			.header("Topic", topic(notificationId))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	// at most 32 base64url characters: the id's 16 bytes are 22
	private static String topic(UUID id) {
		ByteBuffer bytes = ByteBuffer.allocate(16);
		bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
		return WebPushCrypto.base64Url(bytes.array());
	}

}
