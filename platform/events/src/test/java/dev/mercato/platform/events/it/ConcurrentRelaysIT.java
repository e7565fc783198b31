package dev.mercato.platform.events.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a service share one database and relay the same outbox concurrently:
 * every row is published exactly once.
 */
@IsolatedInfrastructure
class ConcurrentRelaysIT {

	private static final int WRITERS_PER_INSTANCE = 2;

	private static final int EVENTS_PER_WRITER = 50;

	@Test
	void twoRelaysOnOneDatabaseNeverPublishARowTwice(TestInfrastructure infrastructure) throws Exception {
		try (BrokerProbe probe = new BrokerProbe(infrastructure);
				ConfigurableApplicationContext first = TestApps.start(infrastructure, infrastructure.rabbitPort());
				ConfigurableApplicationContext second = TestApps.start(infrastructure, infrastructure.rabbitPort());
				ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
			String queue = probe.bind("probe.concurrent", EventsTestApplication.EXCHANGE, "test.#");
			List<String> published = Collections.synchronizedList(new ArrayList<>());
			List<Future<?>> done = new ArrayList<>();
			for (ConfigurableApplicationContext app : List.of(first, second)) {
				for (int writer = 0; writer < WRITERS_PER_INSTANCE; writer++) {
					done.add(writers.submit(() -> {
						for (int i = 0; i < EVENTS_PER_WRITER; i++) {
							published.add(TestApps.publishCommitted(app, "concurrent " + i).toString());
						}
					}));
				}
			}
			for (Future<?> writer : done) {
				writer.get();
			}
			int total = 2 * WRITERS_PER_INSTANCE * EVENTS_PER_WRITER;

			List<String> received = new ArrayList<>(
					BrokerProbe.eventIds(probe.receive(queue, total, Duration.ofSeconds(30))));
			await().atMost(Duration.ofSeconds(10)).until(() -> TestApps.unsentRows(first) == 0);
			received.addAll(BrokerProbe.eventIds(probe.drain(queue)));

			assertThat(received).hasSize(total).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
			// Both relays took part; otherwise the test would not have exercised the
			// locking.
			assertThat(publishedBy(first)).isPositive();
			assertThat(publishedBy(second)).isPositive();
			assertThat(publishedBy(first) + publishedBy(second)).isEqualTo(total);
		}
	}

	private static double publishedBy(ConfigurableApplicationContext app) {
		return app.getBean(MeterRegistry.class).get("mercato.events.outbox.published").counter().count();
	}

}
