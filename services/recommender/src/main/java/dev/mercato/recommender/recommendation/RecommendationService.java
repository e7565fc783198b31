package dev.mercato.recommender.recommendation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.mercato.recommender.interaction.Interactions;
import dev.mercato.recommender.model.LiveModel;
import dev.mercato.recommender.model.Ranking;
import dev.mercato.recommender.model.TrainedModel;
import dev.mercato.recommender.product.ProductSummary;
import dev.mercato.recommender.product.Products;
import dev.mercato.recommender.recommendation.Recommendations.Item;
import dev.mercato.recommender.recommendation.Recommendations.ServedBy;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Answers recommendations from the live model, or from popularity for users and products
 * the model does not know (yet). Every answer holds active products only: candidates are
 * checked against the product replica at answer time, so an archived product disappears
 * at once, without waiting for a retrain.
 */
@Service
public class RecommendationService {

	/** The largest {@code limit} a caller may ask for. */
	public static final int MAX_LIMIT = 100;

	private final LiveModel live;

	private final Popularity popularity;

	private final Products products;

	private final Interactions interactions;

	RecommendationService(LiveModel live, Popularity popularity, Products products, Interactions interactions) {
		this.live = live;
		this.popularity = popularity;
		this.products = products;
		this.interactions = interactions;
	}

	/**
	 * Products for a shopper, leaving out what they bought.
	 * @param userId the shopper
	 * @param limit how many
	 * @return the recommendations
	 */
	public Recommendations forUser(UUID userId, int limit) {
		Set<UUID> bought = this.interactions.purchasedBy(userId);
		Optional<TrainedModel> model = this.live.current();
		Optional<double[]> scores = model.flatMap((m) -> m.scoresFor(userId));
		if (scores.isPresent()) {
			return fromModel(model.get(), scores.get(), limit, bought);
		}
		return popular(null, limit, bought);
	}

	/**
	 * Products bought and viewed by the same shoppers as this one ("customers also
	 * bought").
	 * @param productId the product
	 * @param limit how many
	 * @return the recommendations, never the product itself
	 */
	public Recommendations similarTo(UUID productId, int limit) {
		Optional<TrainedModel> model = this.live.current();
		Optional<double[]> scores = model.flatMap((m) -> m.similaritiesTo(productId));
		if (scores.isPresent()) {
			return fromModel(model.get(), scores.get(), limit, Set.of(productId));
		}
		return popular(null, limit, Set.of(productId));
	}

	/**
	 * The most popular products.
	 * @param category a category id or name, or null for all
	 * @param limit how many
	 * @return the recommendations
	 */
	public Recommendations popular(@Nullable String category, int limit) {
		return popular(category, limit, Set.of());
	}

	private Recommendations fromModel(TrainedModel model, double[] scores, int limit, Set<UUID> excluded) {
		int[] excludedIndexes = excluded.stream().mapToInt(model::indexOf).filter((i) -> i >= 0).sorted().toArray();
		// more candidates than asked for: some may have been archived since training
		int[] top = Ranking.top(scores, limit * 3 + 20, (i) -> java.util.Arrays.binarySearch(excludedIndexes, i) >= 0);
		Map<UUID, Double> candidates = new LinkedHashMap<>();
		for (int item : top) {
			candidates.put(model.productAt(item), scores[item]);
		}
		List<Item> items = active(candidates, limit);
		if (items.isEmpty()) {
			// every candidate archived or unknown to the replica: better popular than
			// nothing
			return popular(null, limit, excluded);
		}
		return new Recommendations(ServedBy.of(model.info()), items);
	}

	private Recommendations popular(@Nullable String category, int limit, Set<UUID> excluded) {
		Map<UUID, Double> candidates = new LinkedHashMap<>();
		for (Interactions.Popular popular : this.popularity.ranking(category)) {
			if (!excluded.contains(popular.productId())) {
				candidates.put(popular.productId(), (double) popular.shoppers());
			}
		}
		List<Item> items = active(candidates, limit);
		if (items.size() < limit && category == null) {
			// a young shop has few interactions: fill up with products nobody touched yet
			for (ProductSummary product : this.products.active(limit * 2 + excluded.size())) {
				if (items.size() == limit) {
					break;
				}
				if (!excluded.contains(product.id()) && !candidates.containsKey(product.id())) {
					items.add(new Item(product.id(), product.name(), product.categoryId(), 0));
				}
			}
		}
		return new Recommendations(ServedBy.POPULARITY, items);
	}

	private List<Item> active(Map<UUID, Double> candidates, int limit) {
		List<Item> items = new ArrayList<>(limit);
		for (ProductSummary product : this.products.activeAmong(candidates.keySet()).values()) {
			if (items.size() == limit) {
				break;
			}
			items.add(new Item(product.id(), product.name(), product.categoryId(), candidates.get(product.id())));
		}
		return items;
	}

}
