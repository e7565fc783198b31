package dev.mercato.ordering.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.mercato.ordering.OrderingProperties;
import dev.mercato.ordering.cart.CartService;
import dev.mercato.ordering.order.CancellationReason;
import dev.mercato.ordering.order.Order;
import dev.mercato.ordering.order.OrderLine;
import dev.mercato.ordering.order.OrderService;
import dev.mercato.ordering.order.SagaStep;
import dev.mercato.platform.security.CurrentUser;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs an order's checkout saga from its persisted step: RESERVE (inventory) → CHARGE
 * (payment) → COMMIT (inventory) → CONFIRMED, or on any definitive failure COMPENSATE
 * (release the stock, refund the charge) → CANCELLED. Every outcome is persisted before
 * the next call, and every call is idempotent by order id, so the saga can be resumed
 * after a crash at any point, by any instance, and a repeated call never reserves or
 * charges twice. A participant that does not answer makes the saga wait (backoff) at the
 * step it was at; a forward step past the saga deadline is compensated as TIMEOUT.
 */
@Component
public class CheckoutSaga {

	private static final Logger log = LoggerFactory.getLogger(CheckoutSaga.class);

	private final SagaSteps steps;

	private final Participants participants;

	private final CartService cart;

	private final OrderingProperties.Saga settings;

	private final MeterRegistry meters;

	private final OrderService orders;

	private final SagaInstance instance;

	private final Clock clock;

	CheckoutSaga(SagaSteps steps, Participants participants, CartService cart, OrderingProperties properties,
			MeterRegistry meters, OrderService orders, SagaInstance instance, Clock clock) {
		this.orders = orders;
		this.instance = instance;
		this.steps = steps;
		this.participants = participants;
		this.cart = cart;
		this.settings = properties.saga();
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Runs the saga until it is done, a participant is unavailable (retry scheduled), or
	 * {@code giveUpAt} passes (the saga is handed to the worker).
	 * @param orderId the order
	 * @param giveUpAt when to stop running it in this thread
	 * @return the order as last seen
	 */
	public Order advance(UUID orderId, Instant giveUpAt) {
		return Participants.within(giveUpAt, () -> run(orderId, giveUpAt));
	}

	private Order run(UUID orderId, Instant giveUpAt) {
		Order order;
		try {
			order = this.steps.load(orderId);
		}
		catch (StaleSagaException ex) {
			return null;
		}
		while (order.sagaStep() != SagaStep.DONE) {
			Instant now = this.clock.instant();
			try {
				if (order.isOverdue(now)) {
					log.warn("Checkout of order {} timed out at step {}", orderId, order.sagaStep());
					order = this.steps.apply(orderId, order.version(),
							(o, at) -> o.failCheckout(CancellationReason.TIMEOUT, at));
					continue;
				}
				if (now.isAfter(giveUpAt)) {
					return this.steps.apply(orderId, order.version(), (o, at) -> o.letGo(at));
				}
				order = switch (order.sagaStep()) {
					case RESERVE -> reserve(order);
					case CHARGE -> charge(order);
					case COMMIT -> commit(order);
					case COMPENSATE -> compensate(order);
					case DONE -> order;
				};
			}
			catch (ParticipantUnavailableException ex) {
				log.info("Checkout of order {} waits at step {}: {}", orderId, order.sagaStep(), ex.getMessage());
				this.meters.counter("mercato.ordering.saga.retries", "step", order.sagaStep().name()).increment();
				int attempts = order.sagaAttempts() + 1;
				try {
					return this.steps.apply(orderId, order.version(),
							(o, at) -> o.retryLater(ex.getMessage(), at.plus(this.settings.backoff(attempts)), at));
				}
				catch (StaleSagaException stale) {
					return reload(orderId);
				}
			}
			catch (StaleSagaException ex) {
				log.debug("Saga of order {} moved on elsewhere: {}", orderId, ex.getMessage());
				return reload(orderId);
			}
		}
		return order;
	}

	/**
	 * Cancels a confirmed order for its owner or an admin and runs the compensation
	 * (release, refund) right away; a participant that is down makes it finish later.
	 * @param caller owner or admin
	 * @param orderId the order
	 */
	public void cancel(CurrentUser caller, UUID orderId) {
		Instant now = this.clock.instant();
		this.orders.requestCancel(caller, orderId, this.instance.id(), now.plus(this.settings.lease()));
		advance(orderId, now.plus(this.settings.waitForOutcome()));
	}

	private Order reload(UUID orderId) {
		try {
			return this.steps.load(orderId);
		}
		catch (StaleSagaException ex) {
			return null;
		}
	}

	private Order reserve(Order order) {
		return switch (this.participants.reserve(order)) {
			case Participants.Reserved reserved ->
				this.steps.apply(order.id(), order.version(), (o, at) -> o.stockReserved(reserved.expiresAt(), at));
			case Participants.OutOfStock outOfStock -> fail(order, CancellationReason.OUT_OF_STOCK);
			case Participants.ReserveRejected rejected ->
				fail(order, (rejected.rejection().code() == Status.Code.FAILED_PRECONDITION)
						? CancellationReason.TIMEOUT : CancellationReason.INVALID_ORDER);
		};
	}

	private Order charge(Order order) {
		Instant expires = order.reservationExpiresAt();
		if (expires != null
				&& expires.isBefore(this.clock.instant().plus(this.settings.paymentDeadline().multipliedBy(2)))) {
			// charging now could leave a payment whose stock has already gone back
			return fail(order, CancellationReason.TIMEOUT);
		}
		return switch (this.participants.charge(order)) {
			case Participants.Captured captured ->
				this.steps.apply(order.id(), order.version(), (o, at) -> o.paymentCaptured(captured.paymentId(), at));
			case Participants.Declined declined -> fail(order, declined.insufficientFunds()
					? CancellationReason.INSUFFICIENT_FUNDS : CancellationReason.PAYMENT_DECLINED);
			case Participants.ChargeRejected rejected -> fail(order, CancellationReason.PAYMENT_FAILED);
		};
	}

	private Order commit(Order order) {
		Participants.Rejection rejection = this.participants.commit(order.id());
		if (rejection != null) {
			// the reservation expired or was released before the commit: refund
			log.warn("Inventory refused to commit order {}: {}", order.id(), rejection);
			return fail(order, CancellationReason.TIMEOUT);
		}
		Order confirmed = this.steps.apply(order.id(), order.version(), (o, at) -> {
			o.confirm(at);
			if (o.fromCart()) {
				this.cart.removeOrdered(o.userId(), o.lines().stream().map(OrderLine::productId).toList());
			}
		});
		this.meters.counter("mercato.ordering.checkouts", "outcome", "confirmed", "reason", "none").increment();
		return confirmed;
	}

	private Order compensate(Order order) {
		Order current = order;
		if (!current.stockReleasedFlag()) {
			Participants.Rejection rejection = this.participants.release(current.id(),
					current.cancellationReason().name());
			if (rejection != null) {
				// committed: the units were sold and inventory cannot take them back over
				// gRPC (docs/ordering.md, known limits); the refund still happens
				log.warn("Inventory did not release order {}: {}", current.id(), rejection);
			}
			current = this.steps.apply(current.id(), current.version(), (o, at) -> o.stockReleased(at));
		}
		if (current.chargeOutcomeUnknown()) {
			if (current.payment() == null) {
				current = this.steps.apply(current.id(), current.version(), (o, at) -> o.nothingCharged(at));
			}
			else if (this.participants.charge(current) instanceof Participants.Captured captured) {
				current = this.steps.apply(current.id(), current.version(),
						(o, at) -> o.chargeFound(captured.paymentId(), at));
			}
			else {
				current = this.steps.apply(current.id(), current.version(), (o, at) -> o.nothingCharged(at));
			}
		}
		if (current.needsRefund()) {
			String refundId = this.participants.refund(current, current.cancellationReason().name());
			current = this.steps.apply(current.id(), current.version(), (o, at) -> o.chargeRefunded(refundId, at));
		}
		Order cancelled = this.steps.apply(current.id(), current.version(), (o, at) -> o.cancelled(at));
		this.meters
			.counter("mercato.ordering.checkouts", "outcome", "cancelled", "reason",
					String.valueOf(cancelled.cancellationReason()))
			.increment();
		return cancelled;
	}

	private Order fail(Order order, CancellationReason reason) {
		return this.steps.apply(order.id(), order.version(), (o, at) -> o.failCheckout(reason, at));
	}

}
