package dev.mercato.recommender.model;

import java.time.Instant;

/**
 * What a persisted model is, without its factors.
 *
 * @param version increasing number; the highest is live
 * @param kind the model family
 * @param trainedAt when training finished
 * @param trainingMillis how long training took
 * @param users users it knows
 * @param items items it knows
 * @param interactions distinct (user, item) pairs it was trained on
 * @param factors latent dimension
 */
public record ModelInfo(long version, String kind, Instant trainedAt, long trainingMillis, int users, int items,
		long interactions, int factors) {
}
