package dev.mercato.notification.delivery.push;

import java.util.UUID;

/**
 * A browser's Web Push subscription (the {@code PushSubscription} of the Push API).
 *
 * @param id the subscription
 * @param userId its user
 * @param endpoint the push service URL
 * @param p256dh the browser's P-256 public key, base64url (65 bytes uncompressed)
 * @param auth the browser's authentication secret, base64url (16 bytes)
 */
public record PushSubscription(UUID id, UUID userId, String endpoint, String p256dh, String auth) {

}
