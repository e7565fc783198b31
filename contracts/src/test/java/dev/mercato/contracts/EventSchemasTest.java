package dev.mercato.contracts;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.mercato.contracts.events.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void exampleUserCreatedEventMatchesEnvelopeAndDataSchemas() throws IOException {
		JsonNode event = read("/events/examples/user.created.v1.json");
		assertThat(EventSchemas.validate(event)).isEmpty();
	}

	@Test
	void envelopeWithoutIdOrWithWrongVersionIsRejected() throws IOException {
		ObjectNode event = (ObjectNode) read("/events/examples/user.created.v1.json");
		event.remove("id");
		event.put("specversion", "0.3");
		assertThat(EventSchemas.validate(event)).hasSize(2);
	}

	@Test
	void dataMissingAFieldIsRejected() throws IOException {
		ObjectNode event = (ObjectNode) read("/events/examples/user.created.v1.json");
		((ObjectNode) event.get("data")).remove("email");
		assertThat(EventSchemas.validate(event)).singleElement().asString().contains("email");
	}

	@Test
	void asyncApiDocumentReferencesOnlyExistingSchemas() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/events/asyncapi.yaml")) {
			String document = new String(in.readAllBytes());
			assertThat(document).contains("asyncapi: 3.0.0");
			for (String line : document.lines().filter((l) -> l.contains("./schemas/")).toList()) {
				String file = line.substring(line.indexOf("./schemas/") + 2, line.lastIndexOf('\''));
				assertThat(getClass().getResource("/events/" + file)).as(file).isNotNull();
			}
		}
	}

	private JsonNode read(String resource) throws IOException {
		try (InputStream in = getClass().getResourceAsStream(resource)) {
			return JSON.readTree(in);
		}
	}

}
