package dev.mercato.catalog.availability;

import java.time.Instant;

import dev.mercato.catalog.product.ProductService;
import dev.mercato.platform.events.EventHandler;
import dev.mercato.platform.events.MalformedEventException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The availability replica: inventory's {@code inventory.updated} events set the
 * {@code available} units shown on products and used by the "in stock" filter. The
 * replica is eventually consistent: it lags inventory by the outbox relay and the queue
 * (normally well under a second), and an event older than the one applied last is ignored
 * (by the event's time).
 */
@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

	private static final Log logger = LogFactory.getLog(AvailabilityConfiguration.class);

	@Bean
	EventHandler<InventoryUpdatedV1> applyAvailability(ProductService products) {
		return EventHandler.of("inventory-events", InventoryUpdatedV1.TYPE, (update, event) -> {
			if (update == null || update.productId() == null || update.available() == null || update.available() < 0) {
				throw new MalformedEventException(
						"inventory.updated " + event.id() + " needs productId and a non-negative available");
			}
			Instant asOf = (event.time() != null) ? event.time() : Instant.now();
			if (!products.applyAvailability(update.productId(), update.available(), asOf) && logger.isDebugEnabled()) {
				logger.debug("inventory.updated " + event.id() + " changed nothing (unknown product or older event)");
			}
		});
	}

}
