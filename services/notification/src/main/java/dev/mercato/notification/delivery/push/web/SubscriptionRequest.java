package dev.mercato.notification.delivery.push.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A browser's {@code PushSubscription.toJSON()}.
 *
 * @param endpoint the push service URL
 * @param keys the subscription's keys
 */
record SubscriptionRequest(@NotBlank @Size(max = 2000) String endpoint, @NotNull @Valid Keys keys) {

	/**
	 * The subscription's keys, base64url.
	 *
	 * @param p256dh the P-256 public key
	 * @param auth the authentication secret
	 */
	record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {

	}

}
