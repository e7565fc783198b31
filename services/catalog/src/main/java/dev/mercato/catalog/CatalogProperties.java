package dev.mercato.catalog;

import java.time.Duration;
import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mercato.catalog.*}.
 *
 * @param currency the one currency prices are kept in (price filters and facets compare
 * amounts, so the catalog does not mix currencies)
 * @param cache the product cache
 * @param demo the demo catalog
 * @param searchCache the search result cache
 * @param reindexOnStart whether to rebuild the search index at start-up when it does not
 * hold as many products as the database
 */
@ConfigurationProperties("mercato.catalog")
public record CatalogProperties(@DefaultValue("USD") Currency currency, @DefaultValue Cache cache,
		@DefaultValue Demo demo, @DefaultValue SearchCache searchCache, @DefaultValue("true") boolean reindexOnStart) {

	/**
	 * The in-process cache of search results, invalidated by every index change.
	 *
	 * @param maxHits hits kept at most over all cached pages (about 1 KB each: 40,000 are
	 * 2,000 pages of 20, ≈40 MB); 0 turns the cache off
	 */
	public record SearchCache(@DefaultValue("40000") int maxHits) {

		public SearchCache {
			if (maxHits < 0) {
				throw new IllegalArgumentException("mercato.catalog.search-cache.max-hits must not be negative");
			}
		}

	}

	/**
	 * The Redis cache of product reads.
	 *
	 * @param enabled whether reads go through Redis at all
	 * @param ttl how long an entry lives (bounds the staleness of a lost invalidation)
	 * @param retryAfter how long Redis is left alone after a failure
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration ttl,
			@DefaultValue("5s") Duration retryAfter) {

	}

	/**
	 * The demo catalog, loaded when {@code mercato.demo-data.enabled=true}.
	 *
	 * @param products how many products (deterministic; 100000 for the benchmark)
	 * @param seed the seed of the generator
	 */
	public record Demo(@DefaultValue("1200") int products, @DefaultValue("20261122") long seed) {

		public Demo {
			if (products < 0) {
				throw new IllegalArgumentException("mercato.catalog.demo.products must not be negative");
			}
		}

	}

}
