package dev.mercato.platform.events.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestInfrastructure;

/**
 * Tests against one running instance of the test application, with the test's own
 * connection to the broker.
 */
@SpringBootTest
@IsolatedInfrastructure
abstract class EventsServiceIT {

	static BrokerProbe probe;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void connectProbe(TestInfrastructure infrastructure) {
		probe = new BrokerProbe(infrastructure);
	}

	@AfterAll
	static void closeProbe() {
		probe.close();
	}

}
