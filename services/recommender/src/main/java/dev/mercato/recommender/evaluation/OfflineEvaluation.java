package dev.mercato.recommender.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import dev.mercato.recommender.model.AlsParameters;
import dev.mercato.recommender.model.Factors;
import dev.mercato.recommender.model.ImplicitAls;
import dev.mercato.recommender.model.InteractionMatrix;
import dev.mercato.recommender.model.Ranking;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The offline evaluation: leave-last-out on a log of {@code user item [timestamp]} lines.
 * Per user the distinct item touched last is held out (users with fewer than two distinct
 * items stay in training only); the model is trained on the rest with the service's own
 * training code ({@link ImplicitAls}, each line a strength of 1), every catalogue item
 * but the user's training items is ranked, and Recall@10 (= hit rate, one held-out item),
 * NDCG@10 and catalogue coverage@10 (distinct recommended items / catalogue) are printed
 * for the model and for popularity (items by number of distinct users).
 * <p>
 * Run: {@code OfflineEvaluation FILE [factors iterations regularization alpha]}.
 */
public final class OfflineEvaluation {

	static final int CUTOFF = 10;

	private OfflineEvaluation() {
	}

	/**
	 * Figures of one recommender.
	 *
	 * @param name model name
	 * @param recall Recall@10
	 * @param ndcg NDCG@10
	 * @param coverage catalogue coverage@10
	 * @param trainingMillis training time
	 */
	public record Result(String name, double recall, double ndcg, double coverage, long trainingMillis) {
	}

	/**
	 * The evaluation of the model against popularity.
	 *
	 * @param users users in the log
	 * @param items items in the log (the catalogue)
	 * @param interactions lines
	 * @param testUsers users with a held-out item
	 * @param model the matrix-factorisation model's figures
	 * @param popularity popularity's figures
	 * @param modelCpuMillis CPU time of the model's training, all threads (wall time on
	 * an otherwise idle machine is about this divided by the cores)
	 */
	public record Report(int users, int items, int interactions, int testUsers, Result model, Result popularity,
			long modelCpuMillis) {

		public double lift() {
			return (this.popularity.recall() > 0) ? this.model.recall() / this.popularity.recall()
					: Double.POSITIVE_INFINITY;
		}

		@Override
		public String toString() {
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "users %d, items %d, interactions %d, test users %d%n", this.users,
					this.items, this.interactions, this.testUsers));
			out.append(String.format(Locale.ROOT, "%-14s %10s %10s %12s %10s%n", "model", "Recall@10", "NDCG@10",
					"Coverage@10", "train s"));
			for (Result result : List.of(this.model, this.popularity)) {
				out.append(String.format(Locale.ROOT, "%-14s %10.4f %10.4f %12.4f %10.1f%n", result.name(),
						result.recall(), result.ndcg(), result.coverage(), result.trainingMillis() / 1000.0));
			}
			out.append(String.format(Locale.ROOT, "lift (Recall@10 model / popularity): %.2fx%n", lift()));
			out.append(String.format(Locale.ROOT,
					"model training: %.1f s wall, %.1f s CPU on %d threads, heap max %d MiB%n",
					this.model.trainingMillis() / 1000.0, this.modelCpuMillis / 1000.0,
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
			return out.toString();
		}

	}

	/**
	 * Evaluates on a log given as parallel arrays.
	 * @param users number of distinct users (indexes 0..users-1)
	 * @param items number of distinct items (indexes 0..items-1)
	 * @param user user of each line
	 * @param item item of each line
	 * @param time timestamp (or line number) of each line
	 * @param count number of lines
	 * @param parameters the model's hyper-parameters
	 * @return the report
	 */
	public static Report evaluate(int users, int items, int[] user, int[] item, long[] time, int count,
			AlsParameters parameters) {
		// the held-out item of each user: the one with the latest timestamp (later line
		// on a
		// tie)
		int[] heldOut = new int[users];
		long[] heldOutTime = new long[users];
		Arrays.fill(heldOut, -1);
		Arrays.fill(heldOutTime, Long.MIN_VALUE);
		for (int e = 0; e < count; e++) {
			if (time[e] >= heldOutTime[user[e]]) {
				heldOutTime[user[e]] = time[e];
				heldOut[user[e]] = item[e];
			}
		}
		int[] trainUser = new int[count];
		int[] trainItem = new int[count];
		float[] ones = new float[count];
		int n = 0;
		for (int e = 0; e < count; e++) {
			trainUser[n] = user[e];
			trainItem[n] = item[e];
			ones[n] = 1f;
			n++;
		}
		// distinct items per user decide who is a test user
		InteractionMatrix all = InteractionMatrix.of(users, items, trainUser, trainItem, ones, n);
		BitSet testUsers = new BitSet(users);
		for (int u = 0; u < users; u++) {
			if (all.itemsOf(u).length >= 2) {
				testUsers.set(u);
			}
		}
		n = 0;
		for (int e = 0; e < count; e++) {
			if (testUsers.get(user[e]) && item[e] == heldOut[user[e]]) {
				continue;
			}
			trainUser[n] = user[e];
			trainItem[n] = item[e];
			n++;
		}
		InteractionMatrix training = InteractionMatrix.of(users, items, trainUser, trainItem, ones, n);

		long start = System.nanoTime();
		long cpuStart = processCpuNanos();
		Factors factors = ImplicitAls.train(training, parameters);
		long modelMillis = (System.nanoTime() - start) / 1_000_000;
		long modelCpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;

		start = System.nanoTime();
		int[] usersPerItem = training.usersPerItem();
		double[] popularity = new double[items];
		for (int i = 0; i < items; i++) {
			// ties broken by index so the ranking is stable
			popularity[i] = usersPerItem[i] - i * 1e-9;
		}
		long popularityMillis = (System.nanoTime() - start) / 1_000_000;

		int[] tested = testUsers.stream().toArray();
		Result model = score("implicit-als", tested, training, heldOut, items, modelMillis,
				(block) -> modelScores(factors, block));
		Result pop = score("popularity", tested, training, heldOut, items, popularityMillis,
				(block) -> repeat(popularity, block.length));
		return new Report(users, items, count, tested.length, model, pop, modelCpuMillis);
	}

	private static long processCpuNanos() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		return (os instanceof com.sun.management.OperatingSystemMXBean sun) ? sun.getProcessCpuTime() : 0;
	}

	private static double[][] repeat(double[] scores, int times) {
		double[][] out = new double[times][];
		Arrays.fill(out, scores);
		return out;
	}

	// scores of a block of users at once: one matrix product (EJML) instead of one per
	// user
	private static double[][] modelScores(Factors factors, int[] block) {
		int k = factors.dimension();
		DMatrixRMaj vectors = new DMatrixRMaj(block.length, k);
		for (int b = 0; b < block.length; b++) {
			System.arraycopy(factors.users().data, block[b] * k, vectors.data, b * k, k);
		}
		DMatrixRMaj scores = new DMatrixRMaj(block.length, factors.items().numRows);
		CommonOps_DDRM.multTransB(vectors, factors.items(), scores);
		double[][] out = new double[block.length][];
		for (int b = 0; b < block.length; b++) {
			out[b] = Arrays.copyOfRange(scores.data, b * scores.numCols, (b + 1) * scores.numCols);
		}
		return out;
	}

	private static Result score(String name, int[] tested, InteractionMatrix training, int[] heldOut, int items,
			long trainingMillis, java.util.function.Function<int[], double[][]> scorer) {
		int blockSize = 64;
		int blocks = (tested.length + blockSize - 1) / blockSize;
		double[] hits = new double[blocks];
		double[] gains = new double[blocks];
		BitSet[] recommended = new BitSet[blocks];
		IntStream.range(0, blocks).parallel().forEach((b) -> {
			int[] block = Arrays.copyOfRange(tested, b * blockSize, Math.min(tested.length, (b + 1) * blockSize));
			double[][] scores = scorer.apply(block);
			BitSet seen = new BitSet(items);
			for (int j = 0; j < block.length; j++) {
				int u = block[j];
				int[] own = training.itemsOf(u);
				int[] top = Ranking.top(scores[j], CUTOFF, (i) -> Arrays.binarySearch(own, i) >= 0);
				for (int rank = 0; rank < top.length; rank++) {
					seen.set(top[rank]);
					if (top[rank] == heldOut[u]) {
						hits[b]++;
						gains[b] += 1.0 / (Math.log(rank + 2) / Math.log(2));
					}
				}
			}
			recommended[b] = seen;
		});
		BitSet covered = new BitSet(items);
		for (BitSet seen : recommended) {
			covered.or(seen);
		}
		double total = Math.max(1, tested.length);
		return new Result(name, Arrays.stream(hits).sum() / total, Arrays.stream(gains).sum() / total,
				(double) covered.cardinality() / items, trainingMillis);
	}

	/**
	 * Reads a log and evaluates it.
	 * @param file {@code user item [timestamp]} lines (whitespace or comma separated)
	 * @param parameters the model's hyper-parameters
	 * @return the report
	 * @throws IOException when the file cannot be read
	 */
	public static Report evaluate(Path file, AlsParameters parameters) throws IOException {
		Map<String, Integer> users = new HashMap<>();
		Map<String, Integer> items = new HashMap<>();
		int[] user = new int[1 << 16];
		int[] item = new int[1 << 16];
		long[] time = new long[1 << 16];
		int n = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				String[] fields = line.trim().split("[\\s,;]+");
				if (fields.length < 2 || fields[0].isEmpty() || fields[0].startsWith("#")) {
					continue;
				}
				if (n == user.length) {
					user = Arrays.copyOf(user, n * 2);
					item = Arrays.copyOf(item, n * 2);
					time = Arrays.copyOf(time, n * 2);
				}
				user[n] = users.computeIfAbsent(fields[0], (key) -> users.size());
				item[n] = items.computeIfAbsent(fields[1], (key) -> items.size());
				time[n] = (fields.length > 2) ? parseTime(fields[2], n) : n;
				n++;
			}
		}
		return evaluate(users.size(), items.size(), user, item, time, n, parameters);
	}

	private static long parseTime(String field, long fallback) {
		try {
			return (long) Double.parseDouble(field);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: OfflineEvaluation FILE [factors iterations regularization alpha]");
			System.exit(2);
		}
		AlsParameters defaults = AlsParameters.DEFAULTS;
		AlsParameters parameters = new AlsParameters((args.length > 1) ? Integer.parseInt(args[1]) : defaults.factors(),
				(args.length > 2) ? Integer.parseInt(args[2]) : defaults.iterations(),
				(args.length > 3) ? Double.parseDouble(args[3]) : defaults.regularization(),
				(args.length > 4) ? Double.parseDouble(args[4]) : defaults.alpha(), defaults.threads(),
				defaults.seed());
		System.out.println("file " + args[0] + ", " + parameters);
		System.out.print(evaluate(Path.of(args[0]), parameters));
	}

}
