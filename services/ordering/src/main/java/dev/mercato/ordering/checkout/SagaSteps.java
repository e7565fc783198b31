package dev.mercato.ordering.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.mercato.ordering.OrderingProperties;
import dev.mercato.ordering.order.Order;
import dev.mercato.ordering.order.Orders;
import dev.mercato.platform.events.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persists the saga: every step's outcome is written (with its events) in its own short
 * transaction, against the version the step was started from.
 */
@Component
class SagaSteps {

	private final Orders orders;

	private final JdbcClient jdbc;

	private final SagaInstance instance;

	private final Duration lease;

	private final Clock clock;

	private final Outbox outbox;

	SagaSteps(Orders orders, JdbcClient jdbc, SagaInstance instance, OrderingProperties properties, Clock clock,
			Outbox outbox) {
		this.outbox = outbox;
		this.orders = orders;
		this.jdbc = jdbc;
		this.instance = instance;
		this.lease = properties.saga().lease();
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Order load(UUID id) {
		Order order = this.orders.findWithLines(id)
			.orElseThrow(() -> new StaleSagaException("order " + id + " vanished"));
		order.lines();
		return order;
	}

	/**
	 * Applies a step's outcome to the order as read at {@code expectedVersion}, renewing
	 * this process's lease.
	 * @return the order after the change
	 * @throws StaleSagaException when someone else changed the order meanwhile
	 */
	@Transactional
	public Order apply(UUID id, long expectedVersion, BiConsumer<Order, Instant> change) {
		Order order = this.orders.findWithLines(id)
			.orElseThrow(() -> new StaleSagaException("order " + id + " vanished"));
		if (order.version() != expectedVersion) {
			throw new StaleSagaException(
					"order " + id + " is at version " + order.version() + ", not " + expectedVersion);
		}
		Instant now = this.clock.instant();
		order.hold(this.instance.id(), now.plus(this.lease));
		change.accept(order, now);
		try {
			this.orders.saveAndFlush(order);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new StaleSagaException("order " + id + " changed concurrently");
		}
		// the events the step raised (order.paid, order.cancelled) commit with it
		this.outbox.publish(order.events());
		return order;
	}

	/**
	 * Claims due sagas for this process: those whose backoff or lease is over, skipping
	 * rows another worker is claiming right now.
	 * @param limit most sagas to claim
	 * @return the claimed order ids
	 */
	@Transactional
	public List<UUID> claimDue(int limit) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update orders set saga_next_attempt_at = :lease, saga_owner = :owner
				 where id in (select id from orders
				               where saga_step <> 'DONE' and saga_next_attempt_at <= :now
				               order by saga_next_attempt_at
				               limit :limit
				               for update skip locked)
				returning id
				""")
			.param("lease", java.sql.Timestamp.from(now.plus(this.lease)))
			.param("owner", this.instance.id())
			.param("now", java.sql.Timestamp.from(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Makes the sagas this instance held before a restart due now.
	 * @return how many
	 */
	@Transactional
	public int takeBackOwn() {
		return this.jdbc.sql("""
				update orders set saga_next_attempt_at = :now
				 where saga_step <> 'DONE' and saga_owner = :owner and saga_next_attempt_at > :now
				""")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("owner", this.instance.id())
			.update();
	}

}
