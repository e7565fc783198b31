package dev.mercato.payment.provider;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import dev.mercato.payment.provider.ProviderEvent.Kind;

/**
 * Reads an event in Stripe's JSON shape ({@code {id, object: "event", type, created,
 * data: {object: {...}}}}), which both providers send, into a {@link ProviderEvent}.
 */
public final class StripeEventReader {

	private final ObjectMapper mapper;

	public StripeEventReader(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Reads a verified payload.
	 * @param payload the body
	 * @return the event
	 * @throws InvalidWebhookException when the body is not an event
	 */
	public ProviderEvent read(String payload) {
		JsonNode event;
		try {
			event = this.mapper.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new InvalidWebhookException("The webhook body is not JSON");
		}
		String id = text(event, "id");
		String type = text(event, "type");
		JsonNode object = event.path("data").path("object");
		if (id == null || type == null || !event.path("created").canConvertToLong() || !object.isObject()) {
			throw new InvalidWebhookException("The webhook body is not an event");
		}
		Instant created = Instant.ofEpochSecond(event.path("created").asLong());
		String objectId = text(object, "id");
		JsonNode metadata = object.path("metadata");
		JsonNode error = object.path("last_payment_error");
		String failureCode = (text(error, "decline_code") != null) ? text(error, "decline_code") : text(error, "code");
		Kind kind = switch (type) {
			case "payment_intent.succeeded" -> Kind.CHARGE_SUCCEEDED;
			case "payment_intent.payment_failed", "payment_intent.canceled" -> Kind.CHARGE_FAILED;
			case "refund.created", "refund.updated", "refund.failed" ->
				switch (String.valueOf(text(object, "status"))) {
					case "succeeded" -> Kind.REFUND_SUCCEEDED;
					case "failed", "canceled" -> Kind.REFUND_FAILED;
					default -> Kind.IGNORED;
				};
			default -> Kind.IGNORED;
		};
		if (kind != Kind.IGNORED && objectId == null) {
			throw new InvalidWebhookException("The event's object has no id");
		}
		if (kind == Kind.REFUND_FAILED) {
			failureCode = text(object, "failure_reason");
		}
		return new ProviderEvent(id, type, kind, created, objectId, text(metadata, "order_id"),
				text(metadata, "refund_id"), failureCode, text(error, "message"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

}
