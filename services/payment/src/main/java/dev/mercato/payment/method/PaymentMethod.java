package dev.mercato.payment.method;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved payment method of a user: the provider's reusable reference and what may be
 * shown. Never a card number.
 *
 * @param id the method id
 * @param userId the owner
 * @param provider the provider's name
 * @param providerMethodId the provider's method id
 * @param brand e.g. {@code visa}
 * @param last4 the last four digits
 * @param expMonth 1–12
 * @param expYear four digits
 * @param isDefault whether it is the user's default
 * @param createdAt when saved
 */
public record PaymentMethod(UUID id, UUID userId, String provider, String providerMethodId, String brand, String last4,
		int expMonth, int expYear, boolean isDefault, Instant createdAt) {

}
