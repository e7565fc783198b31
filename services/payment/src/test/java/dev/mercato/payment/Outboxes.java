package dev.mercato.payment;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mercato.contracts.events.EventSchemas;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads events from the outbox as they go on the wire, each checked against the contract.
 */
public final class Outboxes {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Outboxes() {
	}

	/**
	 * The CloudEvents of a type about a subject, oldest first, each valid per its schema.
	 */
	public static List<JsonNode> events(JdbcClient jdbc, String type, Object subject) {
		return jdbc.sql("select payload from outbox where type = ? and subject = ? order by id")
			.params(type, subject.toString())
			.query(String.class)
			.list()
			.stream()
			.map(Outboxes::parse)
			.peek((event) -> assertThat(EventSchemas.validate(event)).as(event.toString()).isEmpty())
			.toList();
	}

	private static JsonNode parse(String text) {
		try {
			return MAPPER.readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
