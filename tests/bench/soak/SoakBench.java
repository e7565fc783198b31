import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak driver (issue 22): the full shopper journey in a closed loop through the gateway, first
 * with 70 % of the peak's shoppers for a long phase, then with all of them. A journey: log in,
 * browse a catalog page, open a product, add it to the cart, read the cart, check out the cart
 * with a 4242 card (always succeeds; half the time the saved one, half the time typed in and
 * tokenized), read the order, log out. Every shopper
 * logs in on every journey, so identity signs and verifies continuously.
 * <p>
 * It watches for what a user would call a stall: every second it also asks every service's
 * {@code /actuator/health} (which borrows a database connection) with a 10 s timeout; the
 * longest answer per service is the longest stall. Orders answered PENDING are followed to
 * their end. Prints RESULT lines; run.sh adds heap, connections, outbox and queue checks.
 *
 *   java SoakBench.java <gatewayUrl> <peakShoppers> <minutesAt70> <minutesAt100> name=port,...
 */
public class SoakBench {

	static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	static final String PASSWORD = "Soak12345!x";

	static final String CARD = "{\"number\":\"4242424242424242\",\"expMonth\":12,\"expYear\":2035,\"cvc\":\"123\"}";

	static final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

	static final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

	static final ConcurrentLinkedQueue<String> pendingOrders = new ConcurrentLinkedQueue<>();

	static final AtomicLong requests = new AtomicLong();

	public static void main(String[] args) throws Exception {
		String gateway = args[0];
		int peak = Integer.parseInt(args[1]);
		double minutesAt70 = Double.parseDouble(args[2]);
		double minutesAt100 = Double.parseDouble(args[3]);
		Map<String, Integer> services = new TreeMap<>();
		for (String pair : args[4].split(",")) {
			String[] kv = pair.split("=");
			services.put(kv[0], Integer.parseInt(kv[1]));
		}
		List<String> products = products(gateway);
		restock(gateway, products);
		List<String[]> shoppers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<String[]>> futures = new ArrayList<>();
			for (int i = 0; i < peak; i++) {
				futures.add(pool.submit(() -> register(gateway)));
			}
			for (Future<String[]> future : futures) {
				shoppers.add(future.get());
			}
		}

		long start = System.nanoTime();
		long phase2 = start + (long) (minutesAt70 * 60e9);
		long end = phase2 + (long) (minutesAt100 * 60e9);
		int seconds = (int) Math.ceil((end - start) / 1e9) + 1;
		AtomicLongArray journeysPerSecond = new AtomicLongArray(seconds);
		Map<String, AtomicLong> worstHealthMs = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> slowHealth = new ConcurrentHashMap<>();
		AtomicLong journeys70 = new AtomicLong();
		AtomicLong journeys100 = new AtomicLong();
		int at70 = Math.max(1, (int) Math.round(peak * 0.7));
		try (ExecutorService everyone = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Map.Entry<String, Integer> service : services.entrySet()) {
				everyone.submit(() -> probe(service.getKey(), service.getValue(), end, worstHealthMs, slowHealth));
			}
			for (int i = 0; i < peak; i++) {
				String[] shopper = shoppers.get(i);
				// the last 30 % join when the 100 % phase starts
				long from = (i < at70) ? start : phase2;
				everyone.submit(() -> {
					pauseUntil(from);
					while (System.nanoTime() < end) {
						journey(gateway, shopper, products);
						long now = System.nanoTime();
						int second = (int) ((now - start) / 1_000_000_000L);
						if (second < seconds) {
							journeysPerSecond.incrementAndGet(second);
						}
						(now < phase2 ? journeys70 : journeys100).incrementAndGet();
					}
				});
			}
		}
		int longestZeroRun = 0;
		int run = 0;
		for (int s = 5; s < seconds - 1; s++) {
			run = (journeysPerSecond.get(s) == 0) ? run + 1 : 0;
			longestZeroRun = Math.max(longestZeroRun, run);
		}
		long totalErrors = errors.values().stream().mapToLong(AtomicInteger::get).sum();
		System.out.printf("RESULT shoppers_70=%d shoppers_100=%d journeys_per_s_70=%.2f journeys_per_s_100=%.2f"
				+ " requests=%d errors=%d error_rate=%.4f%% longest_second_run_without_a_journey=%d%n", at70, peak,
				journeys70.get() / (minutesAt70 * 60), journeys100.get() / (minutesAt100 * 60), requests.get(),
				totalErrors, 100.0 * totalErrors / Math.max(1, requests.get()), longestZeroRun);
		String unfinished = followPending(gateway);
		System.out.println("RESULT order_outcomes=" + new TreeMap<>(outcomes));
		System.out.println("RESULT errors_by_kind=" + new TreeMap<>(errors));
		System.out.println("RESULT health_worst_ms=" + new TreeMap<>(worstHealthMs) + " health_over_1s="
				+ new TreeMap<>(slowHealth));
		System.out.println("RESULT pending_followed=" + unfinished);
	}

	/** One journey; every failed step is counted by kind and ends the journey. */
	static void journey(String gateway, String[] shopper, List<String> products) {
		String email = shopper[0];
		String method = shopper[1];
		try {
			HttpResponse<String> login = call("login", "POST", gateway + "/api/auth/login", null,
					"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", 200);
			if (login == null) {
				return;
			}
			String token = field(login.body(), "accessToken");
			String refresh = field(login.body(), "refreshToken");
			int page = ThreadLocalRandom.current().nextInt(10);
			if (call("browse", "GET", gateway + "/api/products?size=20&page=" + page, null, null, 200) == null) {
				return;
			}
			String product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
			if (call("product", "GET", gateway + "/api/products/" + product, null, null, 200) == null
					|| call("add-to-cart", "POST", gateway + "/api/cart/items", token,
							"{\"productId\":\"" + product + "\",\"quantity\":1}", 200, 201) == null
					|| call("cart", "GET", gateway + "/api/cart", token, null, 200) == null) {
				return;
			}
			// half the journeys pay with the saved card, half with a card typed in (a fresh token)
			String payment;
			if (ThreadLocalRandom.current().nextBoolean()) {
				payment = "{\"methodId\":\"" + method + "\"}";
			}
			else {
				HttpResponse<String> card = call("tokenize", "POST", gateway + "/api/payments/sandbox/tokens", null,
						CARD, 200, 201);
				if (card == null) {
					return;
				}
				payment = "{\"token\":\"" + field(card.body(), "token") + "\"}";
			}
			HttpResponse<String> order = call("checkout", "POST", gateway + "/api/orders", token,
					"{\"shippingAddress\":{\"name\":\"Soak\",\"line1\":\"1 Main St\",\"city\":\"X\","
							+ "\"postalCode\":\"1\",\"country\":\"US\"},\"payment\":" + payment + "}",
					200, 201, 202);
			if (order == null) {
				return;
			}
			String orderId = field(order.body(), "id");
			String status = field(order.body(), "status");
			if (status.equals("PENDING")) {
				pendingOrders.add(orderId);
				count(outcomes, "PENDING_AT_ANSWER");
			}
			else {
				count(outcomes, status + reason(order.body()));
			}
			if (call("order", "GET", gateway + "/api/orders/" + orderId, token, null, 200) == null) {
				return;
			}
			call("logout", "POST", gateway + "/api/auth/logout", token, "{\"refreshToken\":\"" + refresh + "\"}", 204);
		}
		catch (Exception ex) {
			count(errors, ex.getClass().getSimpleName());
		}
	}

	/**
	 * Follows every order answered PENDING until it ends (at most 2 minutes in all).
	 * @return outcomes of the followed orders
	 */
	static String followPending(String gateway) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		String admin = null;
		while (admin == null) {
			HttpResponse<String> login = send("POST", gateway + "/api/auth/login", null,
					"{\"email\":\"admin@mercato.dev\",\"password\":\"Admin123!\"}");
			if (login.statusCode() == 200) {
				admin = field(login.body(), "accessToken");
			}
			else if (System.nanoTime() > deadline) {
				return "not followed: admin login answered " + login.statusCode();
			}
			else {
				Thread.sleep(1000);
			}
		}
		Map<String, Integer> followed = new TreeMap<>();
		for (String orderId : pendingOrders) {
			String status = "PENDING";
			String body = "";
			while (status.equals("PENDING") && System.nanoTime() < deadline) {
				HttpResponse<String> order = send("GET", gateway + "/api/orders/" + orderId, admin, null);
				body = order.body();
				status = (order.statusCode() == 200) ? field(body, "status") : "PENDING";
				if (status.equals("PENDING")) {
					Thread.sleep(500);
				}
			}
			followed.merge(status + reason(body), 1, Integer::sum);
			if (!status.equals("PENDING")) {
				count(outcomes, status + reason(body));
			}
		}
		return followed.toString();
	}

	static String reason(String body) {
		Matcher m = Pattern.compile("\"cancellationReason\":\"([A-Z_]+)\"").matcher(body);
		return m.find() ? " " + m.group(1) : "";
	}

	/** Asks a service's health once a second; records the slowest answer. */
	static void probe(String name, int port, long end, Map<String, AtomicLong> worst,
			Map<String, AtomicInteger> slow) {
		worst.put(name, new AtomicLong());
		slow.put(name, new AtomicInteger());
		while (System.nanoTime() < end) {
			long began = System.nanoTime();
			long tookMs;
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
							.timeout(Duration.ofSeconds(10))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				tookMs = (System.nanoTime() - began) / 1_000_000;
				if (health.statusCode() != 200) {
					count(errors, "health " + name + " " + health.statusCode());
				}
			}
			catch (Exception ex) {
				tookMs = (System.nanoTime() - began) / 1_000_000;
				count(errors, "health " + name + " " + ex.getClass().getSimpleName());
			}
			long took = tookMs;
			worst.get(name).accumulateAndGet(took, Math::max);
			if (took > 1000) {
				slow.get(name).incrementAndGet();
			}
			pauseUntil(began + 1_000_000_000L);
		}
	}

	static HttpResponse<String> call(String step, String method, String url, String bearer, String body,
			int... expected) throws Exception {
		requests.incrementAndGet();
		HttpResponse<String> response;
		try {
			response = send(method, url, bearer, body);
		}
		catch (Exception ex) {
			count(errors, step + " " + ex.getClass().getSimpleName());
			return null;
		}
		for (int status : expected) {
			if (response.statusCode() == status) {
				return response;
			}
		}
		Matcher code = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(response.body());
		count(errors, step + " " + response.statusCode() + (code.find() ? " " + code.group(1) : ""));
		return null;
	}

	static void count(Map<String, AtomicInteger> counters, String key) {
		counters.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
	}

	static void pauseUntil(long nanoTime) {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(Duration.ofNanos(wait));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static List<String> products(String gateway) throws Exception {
		HttpResponse<String> page = send("GET", gateway + "/api/products?size=100", null, null);
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

	/** Adds 100,000 units to each product, so a long run never measures sold-out products. */
	static void restock(String gateway, List<String> products) throws Exception {
		String admin = field(send("POST", gateway + "/api/auth/login", null,
				"{\"email\":\"admin@mercato.dev\",\"password\":\"Admin123!\"}").body(), "accessToken");
		for (String product : products) {
			HttpResponse<String> adjusted = send("POST", gateway + "/api/inventory/" + product + "/adjustments", admin,
					"{\"delta\":100000,\"reason\":\"soak benchmark\"}");
			if (adjusted.statusCode() != 200) {
				throw new IllegalStateException("restocking " + product + ": " + adjusted.body());
			}
		}
	}

	/** A new customer with a saved 4242 card: {email, payment method id}. */
	static String[] register(String gateway) throws Exception {
		String email = "soak-" + UUID.randomUUID() + "@example.com";
		send("POST", gateway + "/api/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
				+ "\",\"firstName\":\"S\",\"lastName\":\"S\"}");
		String access = field(send("POST", gateway + "/api/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").body(), "accessToken");
		String token = field(send("POST", gateway + "/api/payments/sandbox/tokens", null, CARD).body(), "token");
		HttpResponse<String> method = send("POST", gateway + "/api/payment-methods", access,
				"{\"token\":\"" + token + "\"}");
		return new String[] { email, field(method.body(), "id") };
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static HttpResponse<String> send(String method, String url, String bearer, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
