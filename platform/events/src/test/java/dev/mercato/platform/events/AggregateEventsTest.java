package dev.mercato.platform.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateEventsTest {

	static final EventType<String> NOTED = new EventType<>("test.events", "mercato.test.noted.v1", String.class);

	@Test
	void eventsArePulledInTheOrderTheyWereRegisteredAndOnlyOnce() {
		AggregateEvents events = new AggregateEvents();
		events.register(NOTED, "a", "first");
		events.register(NOTED, "a", "second");
		assertThat(events.pull()).extracting((event) -> (Object) event.data()).containsExactly("first", "second");
		assertThat(events.pull()).isEmpty();
	}

}
