import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-rate load on the recommender through the gateway: RATE requests per second for
 * SECONDS seconds, spread over popular and similar-item requests (demo products), each sent
 * on schedule whether or not earlier ones answered (no coordinated omission); prints the
 * latency percentiles of the answers and the count of non-200 answers.
 * Run: java ServingBench.java GATEWAY_URL [rate 200] [seconds 60]
 */
public class ServingBench {

	public static void main(String[] args) throws Exception {
		String gateway = args[0];
		int rate = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 60;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			java.util.UUID id = java.util.UUID.nameUUIDFromBytes(("mercato-demo-product:" + i).getBytes());
			paths.add("/api/recommendations/products/" + id + "?limit=10");
		}
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long n = 0; n < (long) rate * seconds; n++) {
				long due = start + n * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					java.util.concurrent.locks.LockSupport.parkNanos(wait);
				}
				String path = (n % 4 == 0) ? "/api/recommendations/popular?limit=10" : paths.get((int) (n % paths.size()));
				executor.submit(() -> {
					try {
						HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
							.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					// from the scheduled send time: waiting behind slow answers counts
					latencies.add(System.nanoTime() - due);
				});
			}
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("requests %d in %d s at %d/s, non-200 %d%n", sorted.size(), seconds, rate, errors.get());
		for (double p : new double[] { 0.5, 0.9, 0.99, 0.999 }) {
			System.out.printf("p%s %.1f ms%n", p * 100, sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6);
		}
	}

}
