package dev.mercato.recommender.model;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.mercato.recommender.RecommenderProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The model this instance serves: one volatile reference, replaced whole when a newer
 * model is trained here or found persisted by another instance. Training runs on one
 * background thread; a request to retrain while one runs is coalesced into it.
 */
@Component
public class LiveModel implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(LiveModel.class);

	private final ModelStore store;

	private final ModelTraining training;

	private final RecommenderProperties properties;

	private final ExecutorService trainer = Executors.newSingleThreadExecutor(
			Thread.ofPlatform().name("model-training").daemon().priority(Thread.MIN_PRIORITY).factory());

	private final AtomicBoolean pending = new AtomicBoolean();

	private volatile boolean running;

	private volatile TrainedModel current;

	LiveModel(ModelStore store, ModelTraining training, RecommenderProperties properties) {
		this.store = store;
		this.training = training;
		this.properties = properties;
	}

	/**
	 * The model to serve.
	 * @return the newest model this instance has, empty before the first one exists
	 */
	public Optional<TrainedModel> current() {
		return Optional.ofNullable(this.current);
	}

	/**
	 * Whether this instance is training now.
	 * @return whether a training run is in progress here
	 */
	public boolean isTraining() {
		return this.running;
	}

	@Override
	public void run(ApplicationArguments args) {
		// serve the persisted model at once; train in the background when there is none
		refresh();
		trainInBackground(this.properties.training().interval());
	}

	/**
	 * Retrains now, in the background.
	 * @return false when a run was already queued (this request joins it)
	 */
	public boolean retrain() {
		return trainInBackground(Duration.ZERO);
	}

	/** Loads a newer model persisted by any instance. */
	@Scheduled(fixedDelayString = "${mercato.recommender.model-poll-interval:30s}",
			initialDelayString = "${mercato.recommender.model-poll-interval:30s}")
	public void refresh() {
		try {
			this.store.latest().ifPresent((latest) -> {
				TrainedModel serving = this.current;
				if (serving == null || serving.info().version() < latest.version()) {
					this.store.load(latest.version()).ifPresent(this::swap);
				}
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look for a newer model: " + ex.getMessage());
		}
	}

	@Scheduled(fixedDelayString = "${mercato.recommender.training.check-interval:1m}",
			initialDelayString = "${mercato.recommender.training.check-interval:1m}")
	void retrainWhenDue() {
		trainInBackground(this.properties.training().interval());
	}

	private boolean trainInBackground(Duration maxAge) {
		if (!this.pending.compareAndSet(false, true)) {
			return false;
		}
		this.trainer.execute(() -> {
			this.pending.set(false);
			this.running = true;
			try {
				this.training.trainIfOlderThan(maxAge).ifPresent(this::swap);
			}
			catch (RuntimeException ex) {
				logger.error("Training failed; the current model keeps serving", ex);
			}
			finally {
				this.running = false;
			}
		});
		return true;
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.trainer.shutdownNow();
	}

	private synchronized void swap(TrainedModel model) {
		TrainedModel serving = this.current;
		if (serving == null || serving.info().version() < model.info().version()) {
			this.current = model;
			logger.info("Serving model " + model.info());
		}
	}

}
