package dev.mercato.recommender.interaction.messaging;

import java.time.Instant;

import dev.mercato.platform.events.CloudEvent;
import dev.mercato.platform.events.EventHandler;
import dev.mercato.platform.events.MalformedEventException;
import dev.mercato.recommender.interaction.InteractionKind;
import dev.mercato.recommender.interaction.Interactions;
import dev.mercato.recommender.interaction.messaging.InteractionEvents.CartItemAddedV1;
import dev.mercato.recommender.interaction.messaging.InteractionEvents.OrderPaidV1;
import dev.mercato.recommender.interaction.messaging.InteractionEvents.ProductViewedV1;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records views, cart additions and purchases. The inbox runs each event once per
 * consumer; the unique (event, product, kind) key is a second guard.
 */
@Configuration(proxyBeanMethods = false)
class InteractionEventsConfiguration {

	@Bean
	EventHandler<ProductViewedV1> productViewed(Interactions interactions) {
		return EventHandler.of("interaction-events", ProductViewedV1.TYPE, (view, event) -> {
			if (view == null || view.userId() == null || view.productId() == null) {
				throw new MalformedEventException("product.viewed " + event.id() + " needs userId and productId");
			}
			interactions.record(view.userId(), view.productId(), InteractionKind.VIEW, timeOf(view.viewedAt(), event),
					event.id());
		});
	}

	@Bean
	EventHandler<CartItemAddedV1> cartItemAdded(Interactions interactions) {
		return EventHandler.of("interaction-events", CartItemAddedV1.TYPE, (added, event) -> {
			if (added == null || added.userId() == null || added.productId() == null) {
				throw new MalformedEventException("cart.item_added " + event.id() + " needs userId and productId");
			}
			interactions.record(added.userId(), added.productId(), InteractionKind.CART, timeOf(added.addedAt(), event),
					event.id());
		});
	}

	@Bean
	EventHandler<OrderPaidV1> orderPaid(Interactions interactions) {
		return EventHandler.of("order-events", OrderPaidV1.TYPE, (order, event) -> {
			if (order == null || order.userId() == null || order.items() == null
					|| order.items().stream().anyMatch((item) -> item == null || item.productId() == null)) {
				throw new MalformedEventException("order.paid " + event.id() + " needs userId and items[].productId");
			}
			Instant at = timeOf(order.paidAt(), event);
			order.items()
				.forEach((item) -> interactions.record(order.userId(), item.productId(), InteractionKind.PURCHASE, at,
						event.id()));
		});
	}

	private static Instant timeOf(@Nullable Instant stated, CloudEvent event) {
		if (stated != null) {
			return stated;
		}
		return (event.time() != null) ? event.time() : Instant.now();
	}

}
