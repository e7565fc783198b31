package dev.mercato.recommender.model;

/**
 * Hyper-parameters of {@link ImplicitAls}.
 *
 * @param factors dimension of the latent vectors
 * @param iterations alternating sweeps (users, then items)
 * @param regularization L2 penalty on every vector
 * @param alpha confidence slope: an observed strength {@code r} weighs
 * {@code 1 + alpha * ln(1 + r)} against the unobserved zeros' weight of 1
 * @param threads parallel workers for the per-row solves
 * @param seed seed of the random initial vectors
 */
public record AlsParameters(int factors, int iterations, double regularization, double alpha, int threads, long seed) {

	/** What the service and the offline evaluation use unless told otherwise. */
	public static final AlsParameters DEFAULTS = new AlsParameters(96, 8, 0.1, 40.0,
			Runtime.getRuntime().availableProcessors(), 42L);

	public AlsParameters {
		if (factors < 1 || iterations < 1 || regularization <= 0 || alpha <= 0 || threads < 1) {
			throw new IllegalArgumentException("factors, iterations, threads >= 1 and regularization, alpha > 0");
		}
	}

	/**
	 * The confidence of an observed strength.
	 * @param strength summed interaction weight, positive
	 * @return {@code 1 + alpha * ln(1 + strength)}
	 */
	public double confidence(double strength) {
		return 1.0 + this.alpha * Math.log1p(strength);
	}

}
