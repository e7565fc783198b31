import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout load driver (issue 8): N shoppers (each registered with a saved sandbox card), each
 * in a loop: POST /api/orders with one random demo product and the saved card, through the
 * gateway. Only the checkout call
 * is timed. Prints one RESULT line.
 *
 *   java CheckoutBench.java <gatewayUrl> <shoppers> <seconds> [warm-up seconds, default min(10, seconds/4)]
 */
public class CheckoutBench {

	static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	public static void main(String[] args) throws Exception {
		String gateway = args[0];
		int shoppers = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		// the JIT compilers of seven JVMs need minutes of load before the code is compiled
		int warmup = (args.length > 3) ? Integer.parseInt(args[3]) : Math.min(10, seconds / 4);
		List<String> products = products(gateway);
		restock(gateway, products);
		List<String[]> tokens = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<java.util.concurrent.Future<String[]>> futures = new ArrayList<>();
			for (int i = 0; i < shoppers; i++) {
				futures.add(pool.submit(() -> register(gateway)));
			}
			for (var f : futures) {
				tokens.add(f.get());
			}
		}
		AtomicInteger confirmed = new AtomicInteger();
		AtomicInteger cancelled = new AtomicInteger();
		AtomicInteger pending = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> kinds = new java.util.concurrent.ConcurrentHashMap<>();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
		long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
		// the CPU accounting of run.sh brackets exactly the measured window
		Thread.ofVirtual().start(() -> hook("BENCH_ON_START", warmupEnd));
		try (ExecutorService everyone = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String[] shopper : tokens) {
				String token = shopper[0];
				String method = shopper[1];
				everyone.submit(() -> {
					while (System.nanoTime() < end) {
						try {
							String product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
							String body = "{\"shippingAddress\":{\"name\":\"Bench\",\"line1\":\"1 Main St\",\"city\":\"X\","
									+ "\"postalCode\":\"1\",\"country\":\"US\"},\"payment\":{\"methodId\":\"" + method
									+ "\"},\"items\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}";
							long start = System.nanoTime();
							HttpResponse<String> response = send(gateway + "/api/orders", token, body);
							long took = System.nanoTime() - start;
							if (start < warmupEnd) {
								continue;
							}
							latencies.add(took);
							if (response.body().contains("\"status\":\"CONFIRMED\"")) {
								confirmed.incrementAndGet();
							}
							else if (response.body().contains("\"status\":\"CANCELLED\"")) {
								cancelled.incrementAndGet();
							}
							else if (response.statusCode() == 202) {
								pending.incrementAndGet();
							}
							else {
								errors.incrementAndGet();
								Matcher code = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(response.body());
								kinds.computeIfAbsent(response.statusCode() + (code.find() ? " " + code.group(1) : ""),
										(k) -> new AtomicInteger())
									.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
							kinds.computeIfAbsent(ex.getClass().getSimpleName(), (k) -> new AtomicInteger()).incrementAndGet();
						}
					}
				});
			}
		}
		hook("BENCH_ON_END", 0);
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("RESULT shoppers=%d seconds=%d confirmed_per_s=%.1f checkouts_per_s=%.1f confirmed=%d cancelled=%d"
				+ " pending=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f%n", shoppers, seconds,
				confirmed.get() / (double) seconds, sorted.size() / (double) seconds, confirmed.get(), cancelled.get(),
				pending.get(), errors.get(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
		System.out.println("RESULT errors_by_kind=" + kinds);
	}

	/** Runs the shell command in environment variable {@code name} (if set) once {@code at} (nanoTime) is reached. */
	static void hook(String name, long at) {
		String command = System.getenv(name);
		if (command == null || command.isBlank()) {
			return;
		}
		try {
			long wait = at - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(Duration.ofNanos(wait));
			}
			new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
		}
		catch (Exception ex) {
			throw new IllegalStateException(name + " failed", ex);
		}
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1);
		return sorted.get(Math.max(index, 0)) / 1e6;
	}

	static List<String> products(String gateway) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/products?size=100"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		List<String> ids = new ArrayList<>();
		Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"sku\"").matcher(page.body());
		while (m.find()) {
			ids.add(m.group(1));
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("no products: " + page.body());
		}
		return ids;
	}

	/**
	 * Adds 100,000 units to each product (as the demo admin), so a long run measures
	 * checkouts, not sold-out products being cancelled.
	 */
	static void restock(String gateway, List<String> products) throws Exception {
		String admin = field(send(gateway + "/api/auth/login", null,
				"{\"email\":\"admin@mercato.dev\",\"password\":\"Admin123!\"}").body(), "accessToken");
		for (String product : products) {
			HttpResponse<String> adjusted = send(gateway + "/api/inventory/" + product + "/adjustments", admin,
					"{\"delta\":100000,\"reason\":\"checkout benchmark\"}");
			if (adjusted.statusCode() != 200) {
				throw new IllegalStateException("restocking " + product + ": " + adjusted.body());
			}
		}
	}

	/** A new customer with a saved card: {access token, payment method id}. */
	static String[] register(String gateway) throws Exception {
		String email = "bench-" + UUID.randomUUID() + "@example.com";
		send(gateway + "/api/auth/register", null, "{\"email\":\"" + email
				+ "\",\"password\":\"Bench1234!\",\"firstName\":\"B\",\"lastName\":\"B\"}");
		HttpResponse<String> login = send(gateway + "/api/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"Bench1234!\"}");
		String access = field(login.body(), "accessToken");
		HttpResponse<String> method = send(gateway + "/api/payment-methods", access,
				"{\"token\":\"" + cardToken(gateway) + "\"}");
		return new String[] { access, field(method.body(), "id") };
	}

	static String cardToken(String gateway) throws Exception {
		return field(send(gateway + "/api/payments/sandbox/tokens", null,
				"{\"number\":\"4242424242424242\",\"expMonth\":12,\"expYear\":2035,\"cvc\":\"123\"}").body(), "token");
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static HttpResponse<String> send(String url, String bearer, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
