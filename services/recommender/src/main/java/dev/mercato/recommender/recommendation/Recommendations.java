package dev.mercato.recommender.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.recommender.model.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * An answer: the products, best first, and which model chose them.
 *
 * @param model the model that served the answer
 * @param products the recommended products
 */
public record Recommendations(ServedBy model, List<Item> products) {

	/**
	 * Which model served an answer.
	 *
	 * @param kind {@code implicit-als} or {@code popularity}
	 * @param version the trained model's version (absent for popularity)
	 * @param trainedAt when it was trained (absent for popularity)
	 */
	public record ServedBy(String kind, @Nullable Long version, @Nullable Instant trainedAt) {

		/** Popularity: cold start, unknown users and products, no model yet. */
		public static final ServedBy POPULARITY = new ServedBy("popularity", null, null);

		static ServedBy of(ModelInfo info) {
			return new ServedBy(info.kind(), info.version(), info.trainedAt());
		}

	}

	/**
	 * One recommended product.
	 *
	 * @param productId the product
	 * @param name its name
	 * @param categoryId its category
	 * @param score the model's score (popularity: distinct shoppers)
	 */
	public record Item(UUID productId, String name, @Nullable UUID categoryId, double score) {
	}

}
