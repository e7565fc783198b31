package dev.mercato.contracts.events;

import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validation of an event against the contract, as producers' and consumers' tests use it.
 */
public final class EventSchemas {

	private EventSchemas() {
	}

	private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

	public static Set<ValidationMessage> validate(JsonNode event) {
		Set<ValidationMessage> errors = new LinkedHashSet<>(schema("cloudevent.v1.json").validate(event));
		String type = event.path("type").asText();
		if (type.startsWith("mercato.") && event.has("data")) {
			String name = type.substring("mercato.".length()) + ".json";
			errors.addAll(schema(name).validate(event.get("data")));
		}
		return errors;
	}

	private static JsonSchema schema(String file) {
		InputStream in = EventSchemas.class.getResourceAsStream("/events/schemas/" + file);
		if (in == null) {
			throw new IllegalArgumentException("No schema " + file + " in contracts");
		}
		return FACTORY.getSchema(in, CONFIG);
	}

}
