package dev.mercato.recommender.product.messaging;

import java.time.Instant;

import dev.mercato.platform.events.CloudEvent;
import dev.mercato.platform.events.EventHandler;
import dev.mercato.platform.events.EventType;
import dev.mercato.platform.events.MalformedEventException;
import dev.mercato.recommender.product.ProductChangedV1;
import dev.mercato.recommender.product.ProductDeletedV1;
import dev.mercato.recommender.product.Products;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the product replica in step with catalog. Each event writes the product's state
 * as of the event's time; an older event arriving late changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class ProductEventsConfiguration {

	static final String CONSUMER = "product-events";

	@Bean
	EventHandler<ProductChangedV1> productCreated(Products products) {
		return changed(products, ProductChangedV1.CREATED);
	}

	@Bean
	EventHandler<ProductChangedV1> productUpdated(Products products) {
		return changed(products, ProductChangedV1.UPDATED);
	}

	@Bean
	EventHandler<ProductDeletedV1> productDeleted(Products products) {
		return EventHandler.of(CONSUMER, ProductDeletedV1.TYPE, (product, event) -> {
			if (product == null || product.productId() == null) {
				throw new MalformedEventException("product.deleted " + event.id() + " needs productId");
			}
			products.save(product.productId(), null, null, null, false, timeOf(product.archivedAt(), event));
		});
	}

	private static EventHandler<ProductChangedV1> changed(Products products, EventType<ProductChangedV1> type) {
		return EventHandler.of(CONSUMER, type, (product, event) -> {
			if (product == null || product.productId() == null) {
				throw new MalformedEventException(event.type() + " " + event.id() + " needs productId");
			}
			Instant at = timeOf((product.updatedAt() != null) ? product.updatedAt() : product.createdAt(), event);
			products.save(product.productId(), product.name(), product.categoryId(), product.categoryPath(),
					product.active(), at);
		});
	}

	private static Instant timeOf(@Nullable Instant stated, CloudEvent event) {
		if (stated != null) {
			return stated;
		}
		return (event.time() != null) ? event.time() : Instant.now();
	}

}
