package dev.mercato.notification.delivery.push.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.mercato.notification.NotificationProperties;
import dev.mercato.notification.delivery.push.PushSubscription;
import dev.mercato.notification.delivery.push.PushSubscriptions;
import dev.mercato.notification.delivery.push.VapidKeys;
import dev.mercato.notification.delivery.push.WebPushCrypto;
import dev.mercato.platform.security.CurrentUser;
import dev.mercato.platform.web.NotFoundException;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications/push")
class PushSubscriptionController {

	private final PushSubscriptions subscriptions;

	private final VapidKeys vapid;

	private final boolean allowHttp;

	PushSubscriptionController(PushSubscriptions subscriptions, VapidKeys vapid, NotificationProperties properties) {
		this.subscriptions = subscriptions;
		this.vapid = vapid;
		this.allowHttp = properties.push().allowHttp();
	}

	// for signed-in users: a browser subscribes for a user, so it has a token anyway
	@GetMapping("/vapid-public-key")
	Map<String, String> vapidPublicKey(CurrentUser user) {
		return Map.of("publicKey", this.vapid.publicKey());
	}

	@GetMapping("/subscriptions")
	List<Map<String, Object>> mine(CurrentUser user) {
		return this.subscriptions.of(user.id()).stream().map(PushSubscriptionController::view).toList();
	}

	@PostMapping("/subscriptions")
	ResponseEntity<Map<String, Object>> subscribe(@Valid @RequestBody SubscriptionRequest request, CurrentUser user) {
		URI endpoint;
		try {
			endpoint = URI.create(request.endpoint());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSubscriptionException("PUSH_ENDPOINT_INVALID", "The endpoint is not a URL");
		}
		boolean secure = "https".equals(endpoint.getScheme());
		boolean plain = "http".equals(endpoint.getScheme()) && this.allowHttp;
		if ((!secure && !plain) || endpoint.getHost() == null) {
			throw new InvalidSubscriptionException("PUSH_ENDPOINT_INVALID",
					"The endpoint must be an https URL of a push service");
		}
		try {
			WebPushCrypto.publicKey(WebPushCrypto.fromBase64Url(request.keys().p256dh()));
			if (WebPushCrypto.fromBase64Url(request.keys().auth()).length != 16) {
				throw new IllegalArgumentException("auth must be 16 bytes");
			}
		}
		catch (java.security.GeneralSecurityException | IllegalArgumentException ex) {
			throw new InvalidSubscriptionException("PUSH_KEYS_INVALID",
					"keys.p256dh must be a base64url P-256 public key and keys.auth a base64url 16-byte secret");
		}
		PushSubscription saved = this.subscriptions.save(user.id(), request.endpoint(), request.keys().p256dh(),
				request.keys().auth());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(saved));
	}

	@DeleteMapping("/subscriptions/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable UUID id, CurrentUser user) {
		if (!this.subscriptions.delete(user.id(), id)) {
			throw new NotFoundException("PUSH_SUBSCRIPTION_NOT_FOUND", "You have no push subscription " + id);
		}
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> view(PushSubscription subscription) {
		return Map.of("id", subscription.id(), "endpoint", subscription.endpoint());
	}

}
