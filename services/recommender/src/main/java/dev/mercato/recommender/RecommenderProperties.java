package dev.mercato.recommender;

import java.time.Duration;

import dev.mercato.recommender.model.AlsParameters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mercato.recommender.*}.
 *
 * @param weights interaction strength by kind
 * @param window interactions older than this are ignored
 * @param training the model's hyper-parameters and schedule
 * @param modelPollInterval how often an instance looks for a newer persisted model
 * @param popularityRefreshInterval how often the popular products are recounted
 * @param modelsKept persisted models kept (the newest ones)
 */
@ConfigurationProperties("mercato.recommender")
public record RecommenderProperties(@DefaultValue Weights weights, @DefaultValue("365d") Duration window,
		@DefaultValue Training training, @DefaultValue("30s") Duration modelPollInterval,
		@DefaultValue("1m") Duration popularityRefreshInterval, @DefaultValue("2") int modelsKept) {

	/**
	 * Strength of one interaction of each kind.
	 *
	 * @param view a product page seen
	 * @param cart a product added to the cart
	 * @param purchase a product in a paid order
	 */
	public record Weights(@DefaultValue("1.0") double view, @DefaultValue("3.0") double cart,
			@DefaultValue("5.0") double purchase) {

	}

	/**
	 * Training settings.
	 *
	 * @param factors latent dimension
	 * @param iterations ALS sweeps
	 * @param regularization L2 penalty
	 * @param alpha confidence slope
	 * @param threads training threads (0: one per processor)
	 * @param interval a model older than this is retrained
	 * @param checkInterval how often the scheduler checks the model's age
	 */
	public record Training(@DefaultValue("96") int factors, @DefaultValue("8") int iterations,
			@DefaultValue("0.1") double regularization, @DefaultValue("40.0") double alpha,
			@DefaultValue("0") int threads, @DefaultValue("1h") Duration interval,
			@DefaultValue("1m") Duration checkInterval) {

		/**
		 * The ALS parameters of these settings.
		 * @return the parameters
		 */
		public AlsParameters parameters() {
			int workers = (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
			return new AlsParameters(this.factors, this.iterations, this.regularization, this.alpha, workers,
					AlsParameters.DEFAULTS.seed());
		}

	}

}
