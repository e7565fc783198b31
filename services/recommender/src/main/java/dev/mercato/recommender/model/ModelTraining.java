package dev.mercato.recommender.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.recommender.RecommenderProperties;
import dev.mercato.recommender.interaction.Interactions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trains a model from the interaction log and persists it. One instance at a time: the
 * whole run holds a PostgreSQL transaction-scoped advisory lock, so other instances that
 * try meanwhile skip (they pick the result up by polling). Serving never waits for this.
 */
@Service
public class ModelTraining {

	private static final Log logger = LogFactory.getLog(ModelTraining.class);

	// pg_try_advisory_xact_lock key: "reco" in ASCII
	private static final long LOCK_KEY = 0x7265636fL;

	private final Interactions interactions;

	private final ModelStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RecommenderProperties properties;

	private final Clock clock;

	ModelTraining(Interactions interactions, ModelStore store, JdbcClient jdbc, TransactionTemplate transactions,
			RecommenderProperties properties, Clock clock) {
		this.interactions = interactions;
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Trains when no model is younger than {@code maxAge} (or always, for a zero age).
	 * @param maxAge the age a model may reach before it is retrained
	 * @return the new model, empty when none was trained (another instance trains, the
	 * model is fresh, or there is nothing to learn from)
	 */
	public Optional<TrainedModel> trainIfOlderThan(Duration maxAge) {
		return this.transactions.execute((status) -> {
			if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
				logger.info("Another instance is training: skipped");
				return Optional.<TrainedModel>empty();
			}
			Optional<ModelInfo> latest = this.store.latest();
			if (!maxAge.isZero() && latest.isPresent()
					&& latest.get().trainedAt().isAfter(this.clock.instant().minus(maxAge))) {
				return Optional.<TrainedModel>empty();
			}
			return train();
		});
	}

	private Optional<TrainedModel> train() {
		long start = System.nanoTime();
		Map<UUID, Integer> users = new HashMap<>();
		Map<UUID, Integer> items = new HashMap<>();
		Triples triples = new Triples();
		this.interactions.strengths(this.properties.weights(), this.clock.instant().minus(this.properties.window()),
				(pair) -> triples.add(users.computeIfAbsent(pair.userId(), (id) -> users.size()),
						items.computeIfAbsent(pair.productId(), (id) -> items.size()), pair.strength()));
		if (triples.size == 0) {
			return Optional.empty();
		}
		InteractionMatrix matrix = InteractionMatrix.of(users.size(), items.size(), triples.user, triples.item,
				triples.value, triples.size);
		AlsParameters parameters = this.properties.training().parameters();
		Factors factors = ImplicitAls.train(matrix, parameters);
		long millis = (System.nanoTime() - start) / 1_000_000;
		ModelInfo info = new ModelInfo(0, TrainedModel.KIND, this.clock.instant(), millis, users.size(), items.size(),
				matrix.entries(), parameters.factors());
		TrainedModel unsaved = new TrainedModel(info, ids(users), ids(items), factors);
		long version = this.store.save(info, unsaved.toBytes());
		this.store.keepNewest(this.properties.modelsKept());
		ModelInfo saved = new ModelInfo(version, info.kind(), info.trainedAt(), millis, info.users(), info.items(),
				info.interactions(), info.factors());
		logger.info("Trained model " + saved);
		return Optional.of(new TrainedModel(saved, ids(users), ids(items), factors));
	}

	private static UUID[] ids(Map<UUID, Integer> index) {
		UUID[] ids = new UUID[index.size()];
		index.forEach((id, at) -> ids[at] = id);
		return ids;
	}

	private static final class Triples {

		int[] user = new int[1024];

		int[] item = new int[1024];

		float[] value = new float[1024];

		int size;

		void add(int u, int i, float v) {
			if (this.size == this.user.length) {
				this.user = java.util.Arrays.copyOf(this.user, this.size * 2);
				this.item = java.util.Arrays.copyOf(this.item, this.size * 2);
				this.value = java.util.Arrays.copyOf(this.value, this.size * 2);
			}
			this.user[this.size] = u;
			this.item[this.size] = i;
			this.value[this.size] = v;
			this.size++;
		}

	}

}
