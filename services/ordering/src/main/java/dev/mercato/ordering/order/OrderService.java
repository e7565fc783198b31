package dev.mercato.ordering.order;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order's life after checkout: reads with ownership, shipping, delivery, cancellation
 * requests and refunds reported by payment.
 */
@Service
public class OrderService {

	private final Orders orders;

	private final OrderQueries queries;

	private final Outbox outbox;

	private final Clock clock;

	OrderService(Orders orders, OrderQueries queries, Outbox outbox, Clock clock) {
		this.orders = orders;
		this.queries = queries;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * An order the caller may see: their own, or any for an admin.
	 * @param caller the signed-in user
	 * @param id the order
	 * @return the order
	 * @throws OrderNotFoundException when absent or another customer's
	 */
	public OrderView get(CurrentUser caller, UUID id) {
		OrderView order = this.queries.find(id).orElseThrow(() -> new OrderNotFoundException(id));
		if (!caller.isAdmin() && !order.userId().equals(caller.id())) {
			throw new OrderNotFoundException(id);
		}
		return order;
	}

	/**
	 * The caller's orders (an admin's: everyone's, optionally by status), newest first.
	 * @param caller the signed-in user
	 * @param status only this status, or {@code null}
	 * @param page page number
	 * @param size page size
	 * @return the page
	 */
	public OrderPage list(CurrentUser caller, OrderStatus status, int page, int size) {
		return this.queries.page(caller.isAdmin() ? null : caller.id(), status, page, size);
	}

	/**
	 * Starts cancelling a confirmed order (the caller then runs the compensation).
	 * @param caller owner or admin
	 * @param id the order
	 * @param leaseOwner the process that runs the compensation
	 * @param leaseUntil until when it holds the saga
	 * @throws OrderNotFoundException when the caller may not see the order
	 * @throws IllegalOrderTransitionException when it cannot be cancelled (shipped,
	 * cancelled, or its checkout still running)
	 */
	@Transactional
	public void requestCancel(CurrentUser caller, UUID id, String leaseOwner, Instant leaseUntil) {
		Order order = owned(caller, id);
		boolean byAdmin = caller.isAdmin() && !order.userId().equals(caller.id());
		order.cancel(byAdmin ? CancellationReason.ADMIN : CancellationReason.CUSTOMER_REQUEST, this.clock.instant(),
				leaseUntil);
		order.hold(leaseOwner, leaseUntil);
	}

	/**
	 * An admin ships a confirmed order.
	 * @param id the order
	 * @param carrier carrier
	 * @param trackingNumber tracking number
	 * @return the order after
	 */
	@Transactional
	public OrderView ship(UUID id, String carrier, String trackingNumber) {
		Order order = this.orders.findWithLines(id).orElseThrow(() -> new OrderNotFoundException(id));
		order.ship(carrier, trackingNumber, this.clock.instant());
		this.outbox.publish(order.events());
		return OrderView.of(order);
	}

	/**
	 * An admin marks a shipped order delivered.
	 * @param id the order
	 * @return the order after
	 */
	@Transactional
	public OrderView deliver(UUID id) {
		Order order = this.orders.findWithLines(id).orElseThrow(() -> new OrderNotFoundException(id));
		order.deliver(this.clock.instant());
		this.outbox.publish(order.events());
		return OrderView.of(order);
	}

	/**
	 * Payment fully refunded the order's charge: a paid order becomes REFUNDED
	 * ({@code order.refunded}); a cancelled one (refunded by its own compensation) or an
	 * unknown one is left alone.
	 * @param orderId the order
	 * @param refunded the total payment refunded
	 * @return whether the order changed
	 */
	@Transactional
	public boolean paymentFullyRefunded(UUID orderId, Money refunded) {
		Order order = this.orders.findWithLines(orderId).orElse(null);
		if (order == null) {
			return false;
		}
		Instant now = this.clock.instant();
		if (!order.markRefunded(refunded, now)) {
			return false;
		}
		this.outbox.publish(order.events());
		return true;
	}

	private Order owned(CurrentUser caller, UUID id) {
		Order order = this.orders.findWithLines(id).orElseThrow(() -> new OrderNotFoundException(id));
		if (!caller.isAdmin() && !order.userId().equals(caller.id())) {
			throw new OrderNotFoundException(id);
		}
		return order;
	}

}
