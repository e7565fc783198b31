package dev.mercato.recommender.model;

import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Implicit-feedback alternating least squares (Hu, Koren, Volinsky 2008): every (user,
 * item) cell is a preference of 1 (interacted) or 0 (not), weighted by a confidence that
 * grows with the interaction's strength; users' and items' vectors are solved in turn,
 * each row exactly by a Cholesky solve of a factors × factors system (EJML). The per-row
 * system is {@code (YᵀY + Yᵀ(Cᵤ − I)Y + λI) xᵤ = YᵀCᵤp(u)}; the shared {@code YᵀY} is
 * computed once per sweep, so a row costs {@code O(nᵤ·k² + k³)} for its {@code nᵤ}
 * interactions.
 */
public final class ImplicitAls {

	private ImplicitAls() {
	}

	/**
	 * Trains the factors.
	 * @param matrix the feedback
	 * @param parameters hyper-parameters
	 * @return the trained factors
	 */
	public static Factors train(InteractionMatrix matrix, AlsParameters parameters) {
		int k = parameters.factors();
		Random random = new Random(parameters.seed());
		DMatrixRMaj users = new DMatrixRMaj(matrix.users(), k);
		DMatrixRMaj items = new DMatrixRMaj(matrix.items(), k);
		for (int i = 0; i < items.data.length; i++) {
			items.data[i] = random.nextGaussian() * 0.01;
		}
		InteractionMatrix transposed = matrix.transpose();
		ForkJoinPool pool = new ForkJoinPool(parameters.threads());
		try {
			for (int iteration = 0; iteration < parameters.iterations(); iteration++) {
				solve(pool, matrix, items, users, parameters);
				solve(pool, transposed, users, items, parameters);
			}
		}
		finally {
			pool.shutdown();
		}
		return new Factors(users, items);
	}

	// Solves every row of `solved` against the fixed `fixed` (rows of `matrix` index
	// `solved`, its columns index `fixed`).
	private static void solve(ForkJoinPool pool, InteractionMatrix matrix, DMatrixRMaj fixed, DMatrixRMaj solved,
			AlsParameters parameters) {
		int k = parameters.factors();
		DMatrixRMaj gram = new DMatrixRMaj(k, k);
		CommonOps_DDRM.multTransA(fixed, fixed, gram);
		for (int f = 0; f < k; f++) {
			gram.add(f, f, parameters.regularization());
		}
		int rows = matrix.users();
		int chunks = Math.max(1, Math.min(rows, parameters.threads() * 16));
		try {
			pool.submit(
					() -> IntStream.range(0, chunks)
						.parallel()
						.forEach((chunk) -> solveRows(matrix, fixed, solved, gram, parameters,
								(int) ((long) rows * chunk / chunks), (int) ((long) rows * (chunk + 1) / chunks))))
				.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Training interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Training failed", ex.getCause());
		}
	}

	private static void solveRows(InteractionMatrix matrix, DMatrixRMaj fixed, DMatrixRMaj solved, DMatrixRMaj gram,
			AlsParameters parameters, int from, int to) {
		int k = parameters.factors();
		LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(k);
		DMatrixRMaj system = new DMatrixRMaj(k, k);
		DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
		DMatrixRMaj x = new DMatrixRMaj(k, 1);
		DMatrixRMaj neighbours = new DMatrixRMaj(16, k);
		DMatrixRMaj confidence = new DMatrixRMaj(16, 1);
		for (int row = from; row < to; row++) {
			int start = matrix.rowStart(row);
			int n = matrix.rowEnd(row) - start;
			if (n == 0) {
				java.util.Arrays.fill(solved.data, row * k, (row + 1) * k, 0);
				continue;
			}
			neighbours.reshape(n, k, false);
			confidence.reshape(n, 1, false);
			for (int j = 0; j < n; j++) {
				System.arraycopy(fixed.data, matrix.column(start + j) * k, neighbours.data, j * k, k);
				confidence.data[j] = parameters.confidence(matrix.value(start + j));
			}
			// right-hand side: Yᵀ Cᵤ p(u), p = 1 on the observed cells
			CommonOps_DDRM.multTransA(neighbours, confidence, rhs);
			// left-hand side: YᵀY + λI + Σ (c − 1) y yᵀ, the sum as (√(c−1) y) rows
			for (int j = 0; j < n; j++) {
				double scale = Math.sqrt(confidence.data[j] - 1.0);
				for (int f = j * k; f < (j + 1) * k; f++) {
					neighbours.data[f] *= scale;
				}
			}
			system.setTo(gram);
			CommonOps_DDRM.multAddTransA(neighbours, neighbours, system);
			if (!solver.setA(system)) {
				throw new IllegalStateException("The ALS system of row " + row + " is not positive definite");
			}
			solver.solve(rhs, x);
			System.arraycopy(x.data, 0, solved.data, row * k, k);
		}
	}

}
