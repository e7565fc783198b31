package dev.mercato.platform.events.it;

import java.time.Duration;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.events.it.EventsTestApplication.Note;
import dev.mercato.platform.test.IsolatedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Services using JPA: the outbox row and the inbox entry join the JPA transaction, so
 * they commit and roll back together with the entities.
 */
@SpringBootTest(properties = "spring.autoconfigure.exclude=")
@IsolatedInfrastructure
class JpaTransactionIT {

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOutboxRowCommitsAndRollsBackWithTheEntities() {
		assertThat(this.transactionManager).isInstanceOf(JpaTransactionManager.class);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		UUID rolledBackNote = UUID.randomUUID();
		UUID committedNote = UUID.randomUUID();

		transaction.executeWithoutResult((status) -> {
			this.entityManager.persist(new JpaNote(rolledBackNote, "rolled back"));
			this.outbox.publish(EventsTestApplication.RECORDED, rolledBackNote.toString(), new Note("rolled back"));
			this.entityManager.flush();
			status.setRollbackOnly();
		});
		UUID committedEvent = transaction.execute((status) -> {
			this.entityManager.persist(new JpaNote(committedNote, "committed"));
			return this.outbox.publish(EventsTestApplication.RECORDED, committedNote.toString(), new Note("committed"));
		});

		// Handled by the consumer, whose inbox insert and effect also ran in a JPA
		// transaction.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> count("select count(*) from effect where event_id = ?", committedEvent) == 1);
		assertThat(count("select count(*) from inbox where event_id = ?", committedEvent)).isEqualTo(1);
		assertThat(count("select count(*) from jpa_note where id = ?", committedNote)).isEqualTo(1);
		assertThat(count("select count(*) from jpa_note where id = ?", rolledBackNote)).isZero();
		assertThat(count("select count(*) from outbox where subject = ?", rolledBackNote.toString())).isZero();
		assertThat(count("select count(*) from outbox where subject = ?", committedNote.toString())).isEqualTo(1);
	}

	private long count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

}
