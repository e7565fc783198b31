package dev.mercato.platform.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTypeTest {

	@ParameterizedTest
	@CsvSource({ "mercato.order.created.v1, order.created",
			"mercato.user.password_reset_requested.v2, " + "user.password_reset_requested",
			"mercato.inventory.low_stock.v10, inventory.low_stock", "mercato.health.v1, health" })
	void routingKeyIsTheTypeWithoutPrefixAndVersion(String type, String routingKey) {
		assertThat(EventType.routingKeyOf(type)).isEqualTo(routingKey);
	}

	@ParameterizedTest
	@ValueSource(strings = { "order.created.v1", "mercato.order.created", "mercato.Order.created.v1",
			"mercato.order.created.V1", "mercato.v1", "mercato..created.v1", "mercato.order.created.v1.extra", "" })
	void rejectsTypesOutsideTheConvention(String type) {
		assertThatIllegalArgumentException().isThrownBy(() -> EventType.routingKeyOf(type))
			.withMessageContaining("mercato.<name>.v<N>");
	}

	@Test
	void anEventTypeKnowsItsRoutingKey() {
		EventType<String> type = new EventType<>("order.events", "mercato.order.paid.v1", String.class);

		assertThat(type.routingKey()).isEqualTo("order.paid");
	}

	@Test
	void anEventTypeIsValidatedWhenDeclared() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventType<>("order.events", "order.paid", String.class));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventType<>(" ", "mercato.order.paid.v1", String.class));
	}

}
