package dev.mercato.catalog.product;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.catalog.CatalogProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cache-aside of product reads in Redis ({@code <prefix>catalog:product:<id>}). Redis is
 * an optimisation only: any failure is counted, logged at most every ten seconds, and the
 * caller reads the database; after a failure Redis is left alone for
 * {@code mercato.catalog.cache.retry-after} so a dead Redis costs no latency.
 */
@Component
public class ProductCache {

	private static final Log logger = LogFactory.getLog(ProductCache.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final String keyPrefix;

	private final CatalogProperties.Cache settings;

	private final Counter hits;

	private final Counter misses;

	private final Counter errors;

	private volatile long skipUntil = System.nanoTime();

	private volatile long lastWarning;

	ProductCache(StringRedisTemplate redis, JsonMapper json, @Value("${mercato.redis.key-prefix:}") String keyPrefix,
			CatalogProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.json = json;
		this.keyPrefix = keyPrefix + "catalog:product:";
		this.settings = properties.cache();
		this.hits = counter(meters, "hit");
		this.misses = counter(meters, "miss");
		this.errors = counter(meters, "error");
	}

	private static Counter counter(MeterRegistry meters, String result) {
		return Counter.builder("mercato.catalog.cache")
			.description("Product cache look-ups and writes, by result")
			.tag("result", result)
			.register(meters);
	}

	/**
	 * The cached product.
	 * @param id the product
	 * @return the product, empty on a miss or when Redis is unavailable
	 */
	public Optional<ProductView> get(UUID id) {
		if (!usable()) {
			return Optional.empty();
		}
		try {
			String cached = this.redis.opsForValue().get(key(id));
			if (cached == null) {
				this.misses.increment();
				return Optional.empty();
			}
			this.hits.increment();
			return Optional.of(this.json.readValue(cached, ProductView.class));
		}
		catch (RuntimeException ex) {
			failed("read", ex);
			return Optional.empty();
		}
	}

	/**
	 * Caches a product read from the database.
	 * @param product the product
	 */
	public void put(ProductView product) {
		if (!usable()) {
			return;
		}
		try {
			this.redis.opsForValue().set(key(product.id()), this.json.writeValueAsString(product), this.settings.ttl());
		}
		catch (RuntimeException ex) {
			failed("write", ex);
		}
	}

	/**
	 * Removes a product once the current transaction has committed (at once without one),
	 * so the next read sees the committed change.
	 * @param id the product
	 */
	public void evictAfterCommit(UUID id) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					evict(id);
				}

			});
		}
		else {
			evict(id);
		}
	}

	/**
	 * Removes a product. A failure is logged: the entry then lives until its TTL.
	 * @param id the product
	 */
	public void evict(UUID id) {
		if (!this.settings.enabled()) {
			return;
		}
		try {
			this.redis.delete(key(id));
		}
		catch (RuntimeException ex) {
			failed("evict", ex);
		}
	}

	private boolean usable() {
		return this.settings.enabled() && System.nanoTime() - this.skipUntil >= 0;
	}

	private void failed(String operation, RuntimeException ex) {
		this.errors.increment();
		long now = System.nanoTime();
		this.skipUntil = now + this.settings.retryAfter().toNanos();
		if (now - this.lastWarning > Duration.ofSeconds(10).toNanos()) {
			this.lastWarning = now;
			logger.warn("Product cache " + operation + " failed, reading the database for "
					+ this.settings.retryAfter().toSeconds() + " s: " + ex);
		}
	}

	private String key(UUID id) {
		return this.keyPrefix + id;
	}

}
