package dev.mercato.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventCodecTest {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final CloudEventCodec codec = new CloudEventCodec(this.mapper);

	@Test
	void writesTheCloudEventsJsonFormat() {
		UUID id = UUID.fromString("9f3a2f1e-8d0c-4c55-9d53-0a8e3c1b7f10");
		CloudEvent event = new CloudEvent("1.0", id, "/ordering", "mercato.order.created.v1", "application/json",
				"order-42", Instant.parse("2026-01-02T03:04:05.678Z"), TRACEPARENT, json("{\"total\":1250}"));

		JsonNode written = this.mapper.readTree(this.codec.write(event));

		assertThat(written).isEqualTo(json("""
				{"specversion":"1.0","id":"9f3a2f1e-8d0c-4c55-9d53-0a8e3c1b7f10","source":"/ordering",
				 "type":"mercato.order.created.v1","datacontenttype":"application/json","subject":"order-42",
				 "time":"2026-01-02T03:04:05.678Z","traceparent":"%s","data":{"total":1250}}"""
			.formatted(TRACEPARENT)));
	}

	@Test
	void leavesOutAbsentOptionalAttributes() {
		CloudEvent event = new CloudEvent("1.0", UUID.randomUUID(), "/identity", "mercato.user.created.v1", null, null,
				null, null, null);

		JsonNode written = this.mapper.readTree(this.codec.write(event));

		assertThat(written.propertyNames()).containsExactlyInAnyOrder("specversion", "id", "source", "type");
	}

	@Test
	void roundTrips() {
		CloudEvent event = CloudEvent.create("/identity", "mercato.user.created.v1", "user-1", TRACEPARENT,
				json("{\"email\":\"a@example.com\",\"tags\":[1,2]}"));

		CloudEvent read = this.codec.read(bytes(this.codec.write(event)));

		assertThat(read).isEqualTo(event);
	}

	@Test
	void readsAnEventWithOnlyTheRequiredAttributesAndForeignExtensions() {
		CloudEvent read = this.codec.read(
				bytes("""
						{"specversion":"1.0","id":"0b8f3c1e-1111-4222-8333-944455556666","source":"/payment",
						 "type":"mercato.payment.processed.v1","comexampleextension":"value","time":"2026-01-02T04:04:05+01:00"}"""));

		assertThat(read.source()).isEqualTo("/payment");
		assertThat(read.time()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
		assertThat(read.data()).isNull();
		assertThat(read.subject()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "specversion", "id", "source", "type" })
	void rejectsAnEventWithoutARequiredAttribute(String attribute) {
		String json = """
				{"specversion":"1.0","id":"0b8f3c1e-1111-4222-8333-944455556666","source":"/payment",
				 "type":"mercato.payment.processed.v1","data":{}}""";
		ObjectNode event = (ObjectNode) json(json);
		event.remove(attribute);
		String without = this.mapper.writeValueAsString(event);

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> this.codec.read(bytes(without)))
			.withMessageContaining(attribute);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json at all", "[1,2]", "\"a string\"",
			"{\"specversion\":\"0.3\",\"id\":\"0b8f3c1e-1111-4222-8333-944455556666\",\"source\":\"/a\",\"type\":\"t\"}",
			"{\"specversion\":\"1.0\",\"id\":\"not-a-uuid\",\"source\":\"/a\",\"type\":\"t\"}",
			"{\"specversion\":\"1.0\",\"id\":\"0b8f3c1e-1111-4222-8333-944455556666\",\"source\":\" \",\"type\":\"t\"}",
			"{\"specversion\":\"1.0\",\"id\":\"0b8f3c1e-1111-4222-8333-944455556666\",\"source\":\"/a\",\"type\":7}",
			"{\"specversion\":\"1.0\",\"id\":\"0b8f3c1e-1111-4222-8333-944455556666\",\"source\":\"/a\",\"type\":\"t\",\"time\":\"yesterday\"}",
			"{\"specversion\":\"1.0\",\"id\":\"0b8f3c1e-1111-4222-8333-944455556666\",\"source\":\"/a\",\"type\":\"t\",\"datacontenttype\":\"text/plain\"}",
			"{\"specversion\":\"1.0\",\"id\":\"0b8f3c1e-1111-4222-8333-944455556666\",\"source\":\"/a\",\"type\":\"t\",\"data_base64\":\"AAA=\"}" })
	void rejectsMalformedEvents(String json) {
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> this.codec.read(bytes(json)));
	}

	@Test
	void acceptsJsonContentTypesWithParametersAndSuffixes() {
		assertThat(new CloudEvent("1.0", UUID.randomUUID(), "/a", "t", "application/json; charset=utf-8", null, null,
				null, null))
			.isNotNull();
		assertThat(new CloudEvent("1.0", UUID.randomUUID(), "/a", "t", "application/vnd.mercato+json", null, null, null,
				null))
			.isNotNull();
	}

	private JsonNode json(String json) {
		return this.mapper.readTree(json);
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
