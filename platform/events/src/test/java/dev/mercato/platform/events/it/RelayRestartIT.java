package dev.mercato.platform.events.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay keeps its state only in the table: rows an instance could not send before it
 * stopped are sent by the next one.
 */
@IsolatedInfrastructure
class RelayRestartIT {

	@Test
	void rowsLeftUnsentByAStoppedInstanceAreSentByTheNextOne(TestInfrastructure infrastructure) throws IOException {
		List<String> published = new ArrayList<>();
		// A long backoff on the first instance: rows it failed to send must not make the
		// next instance wait, nor leave out of order.
		try (ConfigurableApplicationContext first = TestApps.start(infrastructure, deadPort(),
				"--mercato.events.outbox.backoff.initial-interval=60s",
				"--mercato.events.outbox.backoff.max-interval=60s")) {
			for (int i = 0; i < 10; i++) {
				published.add(TestApps.publishCommitted(first, "left behind " + i).toString());
			}
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select count(*) from outbox where attempts > 0").query(Long.class).single() > 0);
		}

		try (BrokerProbe probe = new BrokerProbe(infrastructure)) {
			String queue = probe.bind("probe.restart", EventsTestApplication.EXCHANGE, "test.#");
			try (ConfigurableApplicationContext second = TestApps.start(infrastructure, infrastructure.rabbitPort())) {
				assertThat(TestApps.unsentRows(second)).isEqualTo(10);

				List<String> received = BrokerProbe.eventIds(probe.receive(queue, 10, Duration.ofSeconds(20)));

				assertThat(received).containsExactlyElementsOf(published);
				await().atMost(Duration.ofSeconds(5)).until(() -> TestApps.unsentRows(second) == 0);
				assertThat(probe.drain(queue)).isEmpty();
			}
		}
	}

	/**
	 * A local port nothing listens on: connections are refused, as with a broker that is
	 * down.
	 */
	private static int deadPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
