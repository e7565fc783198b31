package dev.mercato.platform.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event as Mercato services exchange it: structured mode, JSON data.
 * Serialised by {@link CloudEventCodec} per the CloudEvents JSON format.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique id of the event; consumers deduplicate by it
 * @param source the producing service, e.g. {@code /identity}
 * @param type the versioned event type, e.g. {@code mercato.user.created.v1}
 * @param datacontenttype content type of {@code data}; {@value #JSON} or {@code null}
 * (which means JSON too)
 * @param subject id of the aggregate the event is about, or {@code null}
 * @param time when the event happened (UTC), or {@code null}
 * @param traceparent W3C trace context of the producing span (extension attribute), or
 * {@code null}
 * @param data the payload, or {@code null} when the event carries none
 */
public record CloudEvent(String specversion, UUID id, String source, String type, @Nullable String datacontenttype,
		@Nullable String subject, @Nullable Instant time, @Nullable String traceparent, @Nullable JsonNode data) {

	/** The only CloudEvents version this library reads and writes. */
	public static final String SPEC_VERSION = "1.0";

	/** The data content type of every Mercato event. */
	public static final String JSON = "application/json";

	/**
	 * Validates the attributes the CloudEvents specification requires.
	 * @throws MalformedEventException when a required attribute is missing or invalid
	 */
	public CloudEvent {
		if (!SPEC_VERSION.equals(specversion)) {
			throw new MalformedEventException("specversion must be " + SPEC_VERSION + " but was " + specversion);
		}
		if (id == null) {
			throw new MalformedEventException("id is required");
		}
		if (source == null || source.isBlank()) {
			throw new MalformedEventException("source is required");
		}
		if (type == null || type.isBlank()) {
			throw new MalformedEventException("type is required");
		}
		if (datacontenttype != null && !isJson(datacontenttype)) {
			throw new MalformedEventException("datacontenttype must be JSON but was " + datacontenttype);
		}
	}

	/**
	 * A new event with a random id, the current time (millisecond precision, UTC) and
	 * JSON data.
	 * @param source the producing service, e.g. {@code /identity}
	 * @param type the versioned event type
	 * @param subject id of the aggregate, or {@code null}
	 * @param traceparent W3C trace context, or {@code null}
	 * @param data the payload
	 * @return the event
	 */
	public static CloudEvent create(String source, String type, @Nullable String subject, @Nullable String traceparent,
			JsonNode data) {
		return new CloudEvent(SPEC_VERSION, UUID.randomUUID(), source, type, JSON, subject,
				Instant.now().truncatedTo(ChronoUnit.MILLIS), traceparent, Objects.requireNonNull(data, "data"));
	}

	private static boolean isJson(String contentType) {
		String mediaType = contentType.split(";", 2)[0].trim();
		return mediaType.equalsIgnoreCase(JSON) || mediaType.endsWith("+json");
	}

}
