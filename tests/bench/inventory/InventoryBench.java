import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mercato.contracts.inventory.v1.InventoryServiceGrpc;
import dev.mercato.contracts.inventory.v1.ReserveLine;
import dev.mercato.contracts.inventory.v1.ReserveRequest;
import dev.mercato.contracts.inventory.v1.ReserveResponse;
import dev.mercato.platform.test.TestJwtIssuer;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/**
 * Reservations per second over gRPC: starts the inventory jar against a scratch database
 * with the given strategy, seeds 10 hot and 1000 cold products, and runs CALLERS threads
 * each reserving orders of 1-3 lines (each line a hot product with probability 1/2) for the
 * given time after a warm-up. Launched by run.sh; not part of the build.
 *
 * Arguments: strategy seconds jar jdbcUrl rabbitVhost
 */
public class InventoryBench {

	static final int CALLERS = 32;

	static final int HOT = 10;

	static final int COLD = 1000;

	public static void main(String[] args) {
		int status = 1;
		try {
			bench(args);
			status = 0;
		}
		catch (Exception ex) {
			ex.printStackTrace();
		}
		// the JWKS server's thread would keep the JVM alive
		System.exit(status);
	}

	static void bench(String[] args) throws Exception {
		String strategy = args[0];
		int seconds = Integer.parseInt(args[1]);
		String jar = args[2];
		String jdbcUrl = args[3];
		String vhost = args[4];
		int httpPort = 18083;
		int grpcPort = 19083;

		TestJwtIssuer jwt = TestJwtIssuer.shared();
		ProcessBuilder service = new ProcessBuilder("java", "-Xmx512m", "-jar", jar);
		service.environment().put("SERVER_PORT", String.valueOf(httpPort));
		service.environment().put("SPRING_GRPC_SERVER_PORT", String.valueOf(grpcPort));
		service.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
		service.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
		service.environment().put("SPRING_DATASOURCE_PASSWORD", "");
		service.environment().put("SPRING_RABBITMQ_VIRTUAL_HOST", vhost);
		service.environment().put("MERCATO_SECURITY_JWT_JWKS_URI", jwt.jwksUri());
		service.environment().put("MERCATO_INVENTORY_RESERVATION_STRATEGY", strategy);
		service.redirectErrorStream(true).redirectOutput(new File("bench-inventory-" + strategy + ".log"));
		Process process = service.start();
		try {
			awaitHealthy(httpPort);
			List<String> hot = new ArrayList<>();
			List<String> cold = new ArrayList<>();
			seed(jdbcUrl, hot, cold);
			ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", grpcPort)
				.usePlaintext()
				.build();
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
					"Bearer " + jwt.serviceToken("ordering"));
			InventoryServiceGrpc.InventoryServiceBlockingStub stub = InventoryServiceGrpc.newBlockingStub(channel)
				.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
			run(stub, hot, cold, 10, null); // warm-up (JIT, pools, PostgreSQL caches)
			long[][] latencies = new long[CALLERS][];
			int[] counts = new int[CALLERS];
			int[] failures = new int[CALLERS];
			long started = System.nanoTime();
			run(stub, hot, cold, seconds, new Object[] { latencies, counts, failures });
			double elapsed = (System.nanoTime() - started) / 1e9;
			long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
			int ok = Arrays.stream(counts).sum();
			int failed = Arrays.stream(failures).sum();
			System.out.printf("RESULT strategy=%s callers=%d seconds=%.1f reservations=%d failed=%d per_second=%.0f"
					+ " p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f%n", strategy, CALLERS, elapsed, ok, failed, ok / elapsed,
					pct(all, 50), pct(all, 95), pct(all, 99));
			channel.shutdownNow();
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

	static void run(InventoryServiceGrpc.InventoryServiceBlockingStub stub, List<String> hot, List<String> cold,
			int seconds, Object[] results) throws InterruptedException {
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < CALLERS; c++) {
			int caller = c;
			threads.add(Thread.ofPlatform().start(() -> {
				long[] latency = new long[1 << 16];
				int n = 0;
				int failed = 0;
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (running.get()) {
					ReserveRequest.Builder request = ReserveRequest.newBuilder()
						.setOrderId(UUID.randomUUID().toString());
					Set<String> products = new HashSet<>();
					int lines = 1 + random.nextInt(3);
					while (products.size() < lines) {
						products.add(random.nextBoolean() ? hot.get(random.nextInt(HOT)) : cold.get(random.nextInt(COLD)));
					}
					products.forEach((p) -> request.addLines(ReserveLine.newBuilder().setProductId(p).setQuantity(1)));
					long t0 = System.nanoTime();
					try {
						ReserveResponse response = stub.reserve(request.build());
						if (response.getOutcome() != ReserveResponse.Outcome.RESERVED) {
							failed++;
							continue;
						}
					}
					catch (RuntimeException ex) {
						failed++;
						continue;
					}
					if (n == latency.length) {
						latency = Arrays.copyOf(latency, n * 2);
					}
					latency[n++] = System.nanoTime() - t0;
				}
				if (results != null) {
					((long[][]) results[0])[caller] = Arrays.copyOf(latency, n);
					((int[]) results[1])[caller] = n;
					((int[]) results[2])[caller] = failed;
				}
			}));
		}
		Thread.sleep(seconds * 1000L);
		running.set(false);
		for (Thread thread : threads) {
			thread.join();
		}
	}

	static double pct(long[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
	}

	static void seed(String jdbcUrl, List<String> hot, List<String> cold) throws Exception {
		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			PreparedStatement insert = db.prepareStatement("insert into stocks (product_id, seller_id, on_hand,"
					+ " reserved, low_stock_threshold, created_at, updated_at) values (?, ?, 100000000, 0, 5, now(), now())");
			for (int i = 0; i < HOT + COLD; i++) {
				UUID id = UUID.randomUUID();
				insert.setObject(1, id);
				insert.setObject(2, UUID.randomUUID());
				insert.addBatch();
				(i < HOT ? hot : cold).add(id.toString());
			}
			insert.executeBatch();
		}
	}

	static void awaitHealthy(int port) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (java.io.IOException ex) {
				// not up yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("inventory did not become healthy; see services/inventory/target/bench-inventory-*.log");
	}

}
