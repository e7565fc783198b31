package dev.mercato.platform.events;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An outbox row claimed by the relay: everything needed to put the event on the wire.
 */
record OutboxRow(long id, UUID eventId, String exchange, String routingKey, String type, @Nullable String traceparent,
		String payload, int attempts) {

}
