package dev.mercato.recommender.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The trained latent vectors: one row per user and one per item, in the index order of
 * the {@link InteractionMatrix} they were trained on. A user's predicted preference for
 * an item is the dot product of their rows.
 *
 * @param users users × factors
 * @param items items × factors
 */
public record Factors(DMatrixRMaj users, DMatrixRMaj items) {

	public int dimension() {
		return this.items.numCols;
	}

	/**
	 * Scores of every item for one user.
	 * @param user the user index
	 * @return one score per item
	 */
	public double[] scoresOf(int user) {
		int k = dimension();
		DMatrixRMaj vector = DMatrixRMaj.wrap(k, 1, new double[k]);
		System.arraycopy(this.users.data, user * k, vector.data, 0, k);
		return scores(vector);
	}

	/**
	 * Scores of every item for a vector in the factor space.
	 * @param vector factors × 1
	 * @return one score per item
	 */
	public double[] scores(DMatrixRMaj vector) {
		DMatrixRMaj out = new DMatrixRMaj(this.items.numRows, 1);
		CommonOps_DDRM.mult(this.items, vector, out);
		return out.data;
	}

	/**
	 * Cosine similarity of every item to one item.
	 * @param item the item index
	 * @return one similarity per item (the item itself scores 1)
	 */
	public double[] similarTo(int item) {
		int k = dimension();
		DMatrixRMaj vector = DMatrixRMaj.wrap(k, 1, new double[k]);
		System.arraycopy(this.items.data, item * k, vector.data, 0, k);
		double[] dots = scores(vector);
		double norm = norm(item);
		for (int i = 0; i < dots.length; i++) {
			double denominator = norm * norm(i);
			dots[i] = (denominator > 0) ? dots[i] / denominator : 0;
		}
		return dots;
	}

	private double norm(int item) {
		int k = dimension();
		double sum = 0;
		for (int f = item * k; f < (item + 1) * k; f++) {
			sum += this.items.data[f] * this.items.data[f];
		}
		return Math.sqrt(sum);
	}

}
