package dev.mercato.recommender.evaluation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic e-commerce interaction log with planted structure, for the offline
 * evaluation and the model's tests: items belong to taste groups (think brand × category)
 * and have power-law (Zipf) popularity; every user has a primary and a secondary taste
 * group and draws most interactions from them, the rest from the whole catalogue by
 * popularity; activity per user is log-normal (a few heavy users, many with 2–5
 * interactions); some interactions repeat an earlier item (a second view, then the
 * purchase). Same arguments, same file.
 * <p>
 * Run: {@code SyntheticInteractions OUT [users items interactions seed]}; writes
 * {@code user item timestamp} lines.
 *
 * @param users number of users
 * @param items number of items
 * @param interactions approximate number of interactions
 * @param groups number of taste groups
 * @param tasteShare share of interactions drawn from the user's own groups
 * @param seed random seed
 */
public record SyntheticInteractions(int users, int items, int interactions, int groups, double tasteShare, long seed) {

	/** One line of the log. */
	public record Interaction(int user, int item, long timestamp) {
	}

	/**
	 * The default shape: about 80 items per taste group, 70 % of interactions within
	 * taste.
	 * @param users number of users
	 * @param items number of items
	 * @param interactions approximate number of interactions
	 * @param seed random seed
	 * @return the generator
	 */
	public static SyntheticInteractions of(int users, int items, int interactions, long seed) {
		return new SyntheticInteractions(users, items, interactions, Math.max(1, items / 80), 0.7, seed);
	}

	/**
	 * Generates the log, in time order per user.
	 * @return the interactions
	 */
	public List<Interaction> generate() {
		Random random = new Random(this.seed);
		double[] popularity = new double[this.items];
		int[] rank = permutation(this.items, random);
		for (int i = 0; i < this.items; i++) {
			popularity[i] = 1.0 / Math.pow(rank[i] + 1, 0.9);
		}
		int[] groupOf = new int[this.items];
		List<List<Integer>> members = new ArrayList<>();
		for (int g = 0; g < this.groups; g++) {
			members.add(new ArrayList<>());
		}
		for (int i = 0; i < this.items; i++) {
			groupOf[i] = random.nextInt(this.groups);
			members.get(groupOf[i]).add(i);
		}
		Sampler global = new Sampler(allItems(this.items), popularity);
		Sampler[] byGroup = new Sampler[this.groups];
		for (int g = 0; g < this.groups; g++) {
			byGroup[g] = members.get(g).isEmpty() ? global
					: new Sampler(members.get(g).stream().mapToInt(Integer::intValue).toArray(), popularity);
		}
		double mean = (double) this.interactions / this.users;
		// log-normal with sigma 1: mean = exp(mu + 1/2); at least 1 interaction
		double mu = Math.log(Math.max(1.0, mean - 1)) - 0.5;
		List<Interaction> log = new ArrayList<>(this.interactions + this.users);
		long time = 1_700_000_000L;
		for (int u = 0; u < this.users; u++) {
			int count = 1 + (int) Math.round(Math.exp(mu + random.nextGaussian()));
			int primary = random.nextInt(this.groups);
			int secondary = random.nextInt(this.groups);
			List<Integer> seen = new ArrayList<>();
			for (int n = 0; n < count; n++) {
				int item;
				double draw = random.nextDouble();
				if (!seen.isEmpty() && draw < 0.1) {
					item = seen.get(random.nextInt(seen.size()));
				}
				else if (random.nextDouble() < this.tasteShare) {
					item = byGroup[(random.nextDouble() < 0.7) ? primary : secondary].next(random);
				}
				else {
					item = global.next(random);
				}
				seen.add(item);
				time += 1 + random.nextInt(600);
				log.add(new Interaction(u, item, time));
			}
		}
		return log;
	}

	/**
	 * Writes {@code user item timestamp} lines.
	 * @param out the file
	 * @throws IOException when the file cannot be written
	 */
	public void write(Path out) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			for (Interaction interaction : generate()) {
				writer.write("u" + interaction.user() + " i" + interaction.item() + " " + interaction.timestamp());
				writer.newLine();
			}
		}
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: SyntheticInteractions OUT [users items interactions seed]");
			System.exit(2);
		}
		int users = (args.length > 1) ? Integer.parseInt(args[1]) : 30_000;
		int items = (args.length > 2) ? Integer.parseInt(args[2]) : 24_000;
		int interactions = (args.length > 3) ? Integer.parseInt(args[3]) : 300_000;
		long seed = (args.length > 4) ? Long.parseLong(args[4]) : 1L;
		SyntheticInteractions.of(users, items, interactions, seed).write(Path.of(args[0]));
	}

	private static int[] permutation(int n, Random random) {
		int[] values = allItems(n);
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = values[i];
			values[i] = values[j];
			values[j] = t;
		}
		return values;
	}

	private static int[] allItems(int n) {
		int[] values = new int[n];
		for (int i = 0; i < n; i++) {
			values[i] = i;
		}
		return values;
	}

	/** Draws from a set of items in proportion to their weights. */
	private static final class Sampler {

		private final int[] items;

		private final double[] cumulative;

		Sampler(int[] items, double[] weights) {
			this.items = items;
			this.cumulative = new double[items.length];
			double sum = 0;
			for (int i = 0; i < items.length; i++) {
				sum += weights[items[i]];
				this.cumulative[i] = sum;
			}
		}

		int next(Random random) {
			double target = random.nextDouble() * this.cumulative[this.cumulative.length - 1];
			int at = java.util.Arrays.binarySearch(this.cumulative, target);
			at = (at >= 0) ? at : -at - 1;
			return this.items[Math.min(at, this.items.length - 1)];
		}

	}

}
