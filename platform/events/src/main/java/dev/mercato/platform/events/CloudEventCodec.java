package dev.mercato.platform.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link CloudEvent}s in the CloudEvents 1.0 JSON format (structured
 * mode): lower-case attribute names, extensions at the top level, {@code data} as a JSON
 * value. Reading validates the required attributes, so a malformed message fails with
 * {@link MalformedEventException} instead of reaching a handler.
 */
public final class CloudEventCodec {

	/** Content type of a structured-mode CloudEvent in JSON. */
	public static final String CONTENT_TYPE = "application/cloudevents+json";

	private final ObjectMapper mapper;

	/**
	 * Creates a codec.
	 * @param mapper the JSON mapper used for the envelope
	 */
	public CloudEventCodec(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Serialises the event.
	 * @param event the event
	 * @return the JSON document
	 */
	public String write(CloudEvent event) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("specversion", event.specversion());
		json.put("id", event.id().toString());
		json.put("source", event.source());
		json.put("type", event.type());
		putIfPresent(json, "datacontenttype", event.datacontenttype());
		putIfPresent(json, "subject", event.subject());
		putIfPresent(json, "time", (event.time() != null) ? event.time().toString() : null);
		putIfPresent(json, "traceparent", event.traceparent());
		if (event.data() != null) {
			json.set("data", event.data());
		}
		return this.mapper.writeValueAsString(json);
	}

	/**
	 * Parses and validates an event.
	 * @param json the JSON document
	 * @return the event
	 * @throws MalformedEventException when the document is not a valid CloudEvent
	 */
	public CloudEvent read(byte[] json) {
		JsonNode node;
		try {
			node = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (node == null || !node.isObject()) {
			throw new MalformedEventException("a CloudEvent must be a JSON object");
		}
		if (node.has("data_base64")) {
			throw new MalformedEventException("data_base64 is not supported: Mercato events carry JSON data");
		}
		JsonNode data = node.get("data");
		return new CloudEvent(string(node, "specversion"), uuid(string(node, "id")), string(node, "source"),
				string(node, "type"), string(node, "datacontenttype"), string(node, "subject"),
				instant(string(node, "time")), string(node, "traceparent"),
				(data != null && !data.isNull()) ? data : null);
	}

	private static void putIfPresent(ObjectNode json, String name, @Nullable String value) {
		if (value != null) {
			json.put(name, value);
		}
	}

	private static @Nullable String string(JsonNode event, String attribute) {
		JsonNode value = event.get(attribute);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new MalformedEventException(attribute + " must be a string");
		}
		return value.stringValue();
	}

	private static @Nullable UUID uuid(@Nullable String id) {
		if (id == null) {
			return null;
		}
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException("id must be a UUID but was " + id, ex);
		}
	}

	private static @Nullable Instant instant(@Nullable String time) {
		if (time == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(time).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEventException("time must be an RFC 3339 timestamp but was " + time, ex);
		}
	}

}
