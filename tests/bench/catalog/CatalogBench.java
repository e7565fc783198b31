import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver of the catalog search benchmark (tests/bench/catalog/run.sh): N closed-loop
 * clients send GET /api/products/search through the gateway with a realistic query mix
 * for a warm-up, then for the measured period; prints p50/p95/p99 and requests per second.
 *
 * java CatalogBench.java <gateway url> <clients> <warm-up s> <measure s>
 *
 * With BENCH_ON_MEASURE set, runs `bash -c "$BENCH_ON_MEASURE"` with $1 = start when the
 * measured period begins and $1 = end when it ends (run.sh takes CPU snapshots there).
 */
public class CatalogBench {

	// what shoppers type: single words, two-word phrases, brands, typos
	static final String[] WORDS = { "coffee", "espresso", "espresso machine", "coffee beans", "ground coffee",
			"french press", "tea", "green tea", "mug", "travel mug", "laptop", "gaming laptop", "headphones",
			"wireless headphones", "earbuds", "smartphone", "camera", "tripod", "power bank", "keyboard",
			"frying pan", "dutch oven", "blender", "air fryer", "desk", "office chair", "lamp", "pillow",
			"running shoes", "tent", "sleeping bag", "bike helmet", "dumbbell", "yoga mat", "novel", "cookbook",
			"travel guide", "picture book", "shirt", "dress", "sneakers", "boots", "backpack", "watch", "board game",
			"jigsaw puzzle", "building set", "kite", "face cream", "shampoo", "perfume", "vitamin d3", "organic",
			"stainless steel", "leather", "bean republic", "voltix", "trailpeak", "waterproof", "lightweight" };

	static final String[] TYPOS = { "cofee", "espreso", "laptp", "hedphones", "backpak", "camra", "sneekers",
			"blendr", "shampo", "yoga matt" };

	static final String[] SORTS = { "price,asc", "price,desc", "createdAt,desc" };

	public static void main(String[] args) throws Exception {
		String gateway = args[0];
		int clients = Integer.parseInt(args[1]);
		Duration warmUp = Duration.ofSeconds(Long.parseLong(args[2]));
		Duration measure = Duration.ofSeconds(Long.parseLong(args[3]));
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String[] categories = categories(http, gateway);
		System.out.println("categories in the mix: " + categories.length);

		long start = System.nanoTime();
		long measureFrom = start + warmUp.toNanos();
		long end = measureFrom + measure.toNanos();
		List<long[]> perClient = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		AtomicLong hits = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		Thread hook = onMeasure(measureFrom, end);
		for (int c = 0; c < clients; c++) {
			long[] latencies = new long[4_000_000 / clients];
			perClient.add(latencies);
			int client = c;
			Thread.ofPlatform().name("client-" + c).start(() -> {
				Random random = new Random(client);
				int n = 0;
				try {
					while (true) {
						long now = System.nanoTime();
						if (now >= end) {
							break;
						}
						URI uri = URI.create(gateway + "/api/products/search?" + query(random, categories));
						HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
						long sent = System.nanoTime();
						try {
							HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
							long took = System.nanoTime() - sent;
							if (response.statusCode() != 200) {
								if (sent >= measureFrom) {
									errors.incrementAndGet();
								}
								if (errors.get() < 5) {
									System.err.println(response.statusCode() + " " + uri + " " + response.body());
								}
							}
							else if (sent >= measureFrom && n < latencies.length) {
								latencies[n++] = took;
								if (response.body().contains("\"total\":0,")) {
									continue;
								}
								hits.incrementAndGet();
							}
						}
						catch (Exception ex) {
							if (sent >= measureFrom) {
								errors.incrementAndGet();
							}
						}
					}
				}
				finally {
					latencies[latencies.length - 1] = n; // count in the last slot
					done.countDown();
				}
			});
		}
		done.await();
		if (hook != null) {
			hook.join();
		}
		int total = perClient.stream().mapToInt((l) -> (int) l[l.length - 1]).sum();
		long[] all = new long[total];
		int at = 0;
		for (long[] latencies : perClient) {
			int n = (int) latencies[latencies.length - 1];
			System.arraycopy(latencies, 0, all, at, n);
			at += n;
		}
		Arrays.sort(all);
		double seconds = measure.toNanos() / 1e9;
		System.out.printf(
				"RESULT clients=%d requests=%d errors=%d non_empty=%.0f%% rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
				clients, total, errors.get(), 100.0 * hits.get() / Math.max(1, total), total / seconds, ms(all, 50),
				ms(all, 95), ms(all, 99), all.length > 0 ? all[all.length - 1] / 1e6 : 0);
	}

	static Thread onMeasure(long from, long to) {
		String command = System.getenv("BENCH_ON_MEASURE");
		if (command == null || command.isBlank()) {
			return null;
		}
		return Thread.ofPlatform().name("on-measure").start(() -> {
			try {
				Thread.sleep(Duration.ofNanos(Math.max(0, from - System.nanoTime())));
				new ProcessBuilder("bash", "-c", command, "on-measure", "start").inheritIO().start().waitFor();
				Thread.sleep(Duration.ofNanos(Math.max(0, to - System.nanoTime())));
				new ProcessBuilder("bash", "-c", command, "on-measure", "end").inheritIO().start().waitFor();
			}
			catch (Exception ex) {
				System.err.println("BENCH_ON_MEASURE failed: " + ex);
			}
		});
	}

	// The mix: 55% words, 10% typos, 15% words in a category, 10% words with a price range
	// or in stock, 5% sorted by price or newest, 5% category browsing; 1 in 5 asks for a
	// later page.
	static String query(Random random, String[] categories) {
		int kind = random.nextInt(100);
		String q = WORDS[random.nextInt(WORDS.length)];
		StringBuilder query = new StringBuilder();
		if (kind < 55) {
			query.append("q=").append(encode(q));
		}
		else if (kind < 65) {
			query.append("q=").append(encode(TYPOS[random.nextInt(TYPOS.length)]));
		}
		else if (kind < 80) {
			query.append("q=").append(encode(q)).append("&category=").append(categories[random.nextInt(categories.length)]);
		}
		else if (kind < 90) {
			query.append("q=").append(encode(q));
			query.append(random.nextBoolean() ? "&minPrice=10&maxPrice=100" : "&inStock=true");
		}
		else if (kind < 95) {
			query.append("q=").append(encode(q)).append("&sort=").append(SORTS[random.nextInt(SORTS.length)]);
		}
		else {
			query.append("category=").append(categories[random.nextInt(categories.length)]).append("&sort=price,asc");
		}
		if (random.nextInt(5) == 0) {
			query.append("&page=").append(1 + random.nextInt(4));
		}
		return query.toString();
	}

	// every category id of the tree (roots and leaves), as the storefront's menu has them
	static String[] categories(HttpClient http, String gateway) throws Exception {
		String tree = http
			.send(HttpRequest.newBuilder(URI.create(gateway + "/api/categories")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"")
			.matcher(tree)
			.results()
			.map((match) -> match.group(1))
			.toArray(String[]::new);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static double ms(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(sorted.length * percentile / 100.0) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
