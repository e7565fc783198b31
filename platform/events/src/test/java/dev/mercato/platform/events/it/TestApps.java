package dev.mercato.platform.events.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.test.TestInfrastructure;

/**
 * Starts instances of the test application by hand, for tests that need several, need to
 * stop one, or point one at a different broker port.
 */
final class TestApps {

	private TestApps() {
	}

	static ConfigurableApplicationContext start(TestInfrastructure infrastructure, int rabbitPort,
			String... extraArguments) {
		List<String> arguments = new ArrayList<>();
		infrastructure.springProperties().forEach((name, value) -> {
			if (!name.equals("spring.rabbitmq.port")) {
				arguments.add("--" + name + "=" + value);
			}
		});
		arguments.add("--spring.rabbitmq.port=" + rabbitPort);
		arguments.addAll(List.of(extraArguments));
		return new SpringApplicationBuilder(EventsTestApplication.class).run(arguments.toArray(String[]::new));
	}

	/**
	 * Publishes one {@code recorded} event in its own committed transaction.
	 */
	static UUID publishCommitted(ConfigurableApplicationContext app, String note) {
		Outbox outbox = app.getBean(Outbox.class);
		return app.getBean(TransactionTemplate.class)
			.execute((status) -> outbox.publish(EventsTestApplication.RECORDED, note,
					new EventsTestApplication.Note(note)));
	}

	/**
	 * The ids of the outbox rows in the order they were written.
	 */
	static List<String> outboxEventIds(ConfigurableApplicationContext app) {
		return app.getBean(JdbcClient.class).sql("select event_id from outbox order by id").query(String.class).list();
	}

	static long unsentRows(ConfigurableApplicationContext app) {
		return app.getBean(JdbcClient.class)
			.sql("select count(*) from outbox where sent_at is null")
			.query(Long.class)
			.single();
	}

}
