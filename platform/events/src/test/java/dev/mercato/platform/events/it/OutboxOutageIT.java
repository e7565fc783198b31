package dev.mercato.platform.events.it;

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
 * The outbox survives a broker outage: the application reaches RabbitMQ through a proxy
 * the test cuts, events written meanwhile fail to publish (and are recorded as failed),
 * and after the broker is back each arrives exactly once, in order.
 */
@IsolatedInfrastructure
class OutboxOutageIT {

	@Test
	void eventsWrittenDuringAnOutageArriveExactlyOnceInOrderAfterIt(TestInfrastructure infrastructure) {
		try (TcpProxy proxy = new TcpProxy(infrastructure.rabbitHost(), infrastructure.rabbitPort());
				BrokerProbe probe = new BrokerProbe(infrastructure);
				ConfigurableApplicationContext app = TestApps.start(infrastructure, proxy.port())) {
			String queue = probe.bind("probe.outage", EventsTestApplication.EXCHANGE, "test.#");
			List<String> published = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				published.add(TestApps.publishCommitted(app, "before " + i).toString());
			}
			List<String> received = new ArrayList<>(
					BrokerProbe.eventIds(probe.receive(queue, 5, Duration.ofSeconds(10))));

			proxy.cut();
			for (int i = 0; i < 20; i++) {
				published.add(TestApps.publishCommitted(app, "during " + i).toString());
			}
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			// The relay really tried and failed while the broker was away.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select count(*) from outbox where attempts > 0 and sent_at is null")
					.query(Long.class)
					.single() > 0);
			assertThat(
					jdbc.sql("select last_error from outbox where attempts > 0 limit 1").query(String.class).single())
				.isNotBlank();
			assertThat(TestApps.unsentRows(app)).isEqualTo(20);

			proxy.restore();

			received.addAll(BrokerProbe.eventIds(probe.receive(queue, 20, Duration.ofSeconds(20))));
			await().atMost(Duration.ofSeconds(5)).until(() -> TestApps.unsentRows(app) == 0);
			received.addAll(BrokerProbe.eventIds(probe.drain(queue)));
			assertThat(received).containsExactlyElementsOf(published);
			assertThat(TestApps.outboxEventIds(app)).containsExactlyElementsOf(published);
		}
	}

}
