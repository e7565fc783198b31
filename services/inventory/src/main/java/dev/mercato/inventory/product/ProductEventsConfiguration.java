package dev.mercato.inventory.product;

import dev.mercato.inventory.stock.StockService;
import dev.mercato.platform.events.EventHandler;
import dev.mercato.platform.events.MalformedEventException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProductEventsConfiguration {

	// The inbox makes a redelivered event a no-op; the insert ... on conflict in create()
	// also keeps a second event for the same product from touching the row.
	@Bean
	EventHandler<ProductCreatedV1> createStockForNewProduct(StockService stock) {
		return EventHandler.of("product-events", ProductCreatedV1.TYPE, (product, event) -> {
			if (product == null || product.productId() == null || product.sellerId() == null
					|| isNegative(product.initialStock()) || isNegative(product.lowStockThreshold())) {
				// retrying cannot fix the event: straight to the dead-letter queue
				throw new MalformedEventException("product.created " + event.id()
						+ " needs productId, sellerId and no negative initialStock/lowStockThreshold");
			}
			stock.create(product.productId(), product.sellerId(), product.initialStock(), product.lowStockThreshold(),
					event.id().toString());
		});
	}

	private static boolean isNegative(Integer value) {
		return value != null && value < 0;
	}

}
