package dev.mercato.payment.charge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.payment.PaymentGrpcClient;
import dev.mercato.payment.PaymentITSupport;
import dev.mercato.payment.provider.sandbox.TestCards;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A figure, not a check: sandbox charges per second over gRPC with 8 concurrent callers
 * (each charge: claim, sandbox intent, finalize with outbox row). Runs only with
 * {@code -Dbench=true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ChargeThroughputIT extends PaymentITSupport {

	@Test
	void chargesPerSecond() throws Exception {
		int callers = 8;
		int perCaller = 50;
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < callers * (perCaller + 10); i++) {
			tokens.add(token(TestCards.SUCCEEDS));
		}
		run(callers, 10, tokens.subList(0, callers * 10)); // warm-up
		List<String> measured = tokens.subList(callers * 10, tokens.size());
		long started = System.nanoTime();
		long[] latencies = run(callers, perCaller, measured);
		double seconds = (System.nanoTime() - started) / 1e9;
		Arrays.sort(latencies);
		System.out.printf("BENCH payment charges: %d in %.2f s = %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
				latencies.length, seconds, latencies.length / seconds, latencies[latencies.length / 2] / 1e6,
				latencies[(int) (latencies.length * 0.95)] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
		assertThat(latencies).hasSize(callers * perCaller);
	}

	private long[] run(int callers, int perCaller, List<String> tokens) throws Exception {
		long[] latencies = new long[callers * perCaller];
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < callers; c++) {
				int caller = c;
				futures.add(pool.submit(() -> {
					try (PaymentGrpcClient client = new PaymentGrpcClient(this.grpcServer.getPort())) {
						for (int i = 0; i < perCaller; i++) {
							int n = caller * perCaller + i;
							long t0 = System.nanoTime();
							ChargeResponse response = client.chargeToken(UUID.randomUUID(), UUID.randomUUID(), 1000,
									tokens.get(n));
							latencies[n] = System.nanoTime() - t0;
							assertThat(response.getOutcome()).isEqualTo(ChargeResponse.Outcome.CAPTURED);
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		return latencies;
	}

}
