package dev.mercato.ordering.product;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.mercato.contracts.catalog.v1.GetProductsRequest;
import dev.mercato.contracts.catalog.v1.GetProductsResponse;
import dev.mercato.contracts.catalog.v1.ProductServiceGrpc;
import dev.mercato.ordering.Money;
import dev.mercato.ordering.OrderingProperties;
import dev.mercato.platform.web.DependencyUnavailableException;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Current product data from catalog ({@code GetProducts}, one batch call), cached in this
 * process for a few seconds ({@code mercato.ordering.cart.price-cache-ttl}): a cart page
 * and the checkout that follows it see the same prices without asking twice. Unknown
 * products are remembered as absent for the same time.
 */
@Component
public class Catalog {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private static final int MAX_CACHED = 50_000;

	private final ProductServiceGrpc.ProductServiceBlockingStub stub;

	private final OrderingProperties properties;

	private final Clock clock;

	private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

	Catalog(ProductServiceGrpc.ProductServiceBlockingStub stub, OrderingProperties properties, Clock clock) {
		this.stub = stub;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The products, from the cache when fresh.
	 * @param ids product ids
	 * @return the known products by id; unknown ids are absent
	 * @throws DependencyUnavailableException when catalog cannot be reached
	 */
	public Map<UUID, Product> products(Collection<UUID> ids) {
		return load(ids, false);
	}

	/**
	 * The products straight from catalog (checkout confirms its prices there).
	 * @param ids product ids
	 * @return the known products by id
	 * @throws DependencyUnavailableException when catalog cannot be reached
	 */
	public Map<UUID, Product> fresh(Collection<UUID> ids) {
		return load(ids, true);
	}

	private Map<UUID, Product> load(Collection<UUID> ids, boolean fresh) {
		Instant now = this.clock.instant();
		Map<UUID, Product> found = new HashMap<>();
		Set<UUID> missing = new LinkedHashSet<>();
		for (UUID id : ids) {
			Cached cached = fresh ? null : this.cache.get(id);
			if (cached != null && cached.until().isAfter(now)) {
				if (cached.product() != null) {
					found.put(id, cached.product());
				}
			}
			else {
				missing.add(id);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		GetProductsResponse response;
		try {
			response = this.stub
				.withDeadlineAfter(this.properties.saga().callDeadline().toMillis(), TimeUnit.MILLISECONDS)
				.getProducts(GetProductsRequest.newBuilder()
					.addAllProductIds(missing.stream().map(UUID::toString).toList())
					.build());
		}
		catch (StatusRuntimeException | DependencyUnavailableException ex) {
			log.warn("catalog GetProducts failed: {}", ex.getMessage());
			throw new DependencyUnavailableException("CATALOG_UNAVAILABLE",
					"The product catalog cannot be reached right now; try again shortly", ex);
		}
		Instant until = now.plus(this.properties.cart().priceCacheTtl());
		if (this.cache.size() > MAX_CACHED) {
			this.cache.clear();
		}
		for (var p : response.getProductsList()) {
			UUID id;
			try {
				id = UUID.fromString(p.getId());
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			Product product = new Product(id, p.getSku(), p.getName(),
					Money.ofMinor(p.getPrice().getAmountMinor(), p.getPrice().getCurrency()), p.getActive());
			found.put(id, product);
			missing.remove(id);
			this.cache.put(id, new Cached(product, until));
		}
		for (UUID id : missing) {
			this.cache.put(id, new Cached(null, until));
		}
		return found;
	}

	private record Cached(Product product, Instant until) {

	}

}
