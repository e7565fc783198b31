package dev.mercato.recommender.recommendation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mercato.recommender.RecommenderProperties;
import dev.mercato.recommender.interaction.Interactions;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The most popular products (distinct shoppers within the window), overall and per
 * category, counted at most once per refresh interval so serving stays a memory read.
 */
@Component
class Popularity {

	static final int DEPTH = 500;

	private static final int MAX_CATEGORIES = 500;

	private final Interactions interactions;

	private final RecommenderProperties properties;

	private final Clock clock;

	private final Map<String, Ranked> cache = new ConcurrentHashMap<>();

	Popularity(Interactions interactions, RecommenderProperties properties, Clock clock) {
		this.interactions = interactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Product ids, most popular first.
	 * @param category a category id or name, or null for all
	 * @return up to {@link #DEPTH} products
	 */
	List<Interactions.Popular> ranking(@Nullable String category) {
		String key = (category != null) ? category.toLowerCase(java.util.Locale.ROOT) : "";
		Instant now = this.clock.instant();
		Ranked ranked = this.cache.get(key);
		if (ranked == null || ranked.countedAt().plus(this.properties.popularityRefreshInterval()).isBefore(now)) {
			if (this.cache.size() > MAX_CATEGORIES) {
				this.cache.clear();
			}
			Instant since = now.minus(this.properties.window());
			ranked = new Ranked(
					new ArrayList<>((category != null) ? this.interactions.mostPopularIn(category, since, DEPTH)
							: this.interactions.mostPopular(since, DEPTH)),
					now);
			this.cache.put(key, ranked);
		}
		return ranked.products();
	}

	private record Ranked(List<Interactions.Popular> products, Instant countedAt) {
	}

}
