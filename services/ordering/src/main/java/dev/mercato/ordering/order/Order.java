package dev.mercato.ordering.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.AggregateEvents;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * The order aggregate: its lines, its lifecycle ({@link OrderStatus}) and the state of
 * its checkout saga ({@link SagaStep}), changed only through intention-revealing methods
 * that refuse illegal transitions. Optimistic locking ({@code version}) makes two
 * processes that race on one order fail instead of overwriting each other.
 */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OrderStatus status;

	@Column(nullable = false)
	private String currency;

	@Column(name = "total_amount", nullable = false)
	private BigDecimal totalAmount;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLine> lines = new ArrayList<>();

	@Column(name = "ship_name")
	private String shipName;

	@Column(name = "ship_line1")
	private String shipLine1;

	@Column(name = "ship_line2")
	private String shipLine2;

	@Column(name = "ship_city")
	private String shipCity;

	@Column(name = "ship_postal_code")
	private String shipPostalCode;

	@Column(name = "ship_country")
	private String shipCountry;

	@Column(name = "payment_method_id")
	private String paymentMethodId;

	@Column(name = "payment_token")
	private String paymentToken;

	@Column(name = "from_cart", nullable = false)
	private boolean fromCart;

	@Enumerated(EnumType.STRING)
	@Column(name = "cancellation_reason")
	private CancellationReason cancellationReason;

	@Column(name = "payment_id")
	private String paymentId;

	@Column(name = "refund_id")
	private String refundId;

	@Column(nullable = false)
	private boolean refunded;

	private String carrier;

	@Column(name = "tracking_number")
	private String trackingNumber;

	@Column(name = "idempotency_key")
	private String idempotencyKey;

	@Column(name = "request_hash")
	private String requestHash;

	@Enumerated(EnumType.STRING)
	@Column(name = "saga_step", nullable = false)
	private SagaStep sagaStep;

	@Column(name = "saga_attempts", nullable = false)
	private int sagaAttempts;

	@Column(name = "saga_next_attempt_at")
	private Instant sagaNextAttemptAt;

	@Column(name = "saga_deadline", nullable = false)
	private Instant sagaDeadline;

	@Column(name = "saga_owner")
	private String sagaOwner;

	@Column(name = "saga_last_error")
	private String sagaLastError;

	@Column(name = "stock_released", nullable = false)
	private boolean stockReleased;

	@Column(name = "charge_outcome_unknown", nullable = false)
	private boolean chargeOutcomeUnknown;

	@Column(name = "reservation_expires_at")
	private Instant reservationExpiresAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "confirmed_at")
	private Instant confirmedAt;

	@Column(name = "shipped_at")
	private Instant shippedAt;

	@Column(name = "delivered_at")
	private Instant deliveredAt;

	@Column(name = "cancelled_at")
	private Instant cancelledAt;

	@Version
	private long version;

	@Transient
	private final AggregateEvents events = new AggregateEvents();

	protected Order() {
	}

	/**
	 * Places an order PENDING; its saga starts at {@link SagaStep#RESERVE}, held by the
	 * caller for {@code lease}.
	 * @param id the order id (also the saga's idempotency key at every participant)
	 * @param userId the customer
	 * @param lines the lines, with catalog's prices, all in one currency
	 * @param address where to ship
	 * @param payment how to pay
	 * @param fromCart whether the lines came from the cart (cleared on success)
	 * @param idempotencyKey the client's key, or {@code null}
	 * @param requestHash hash of the request body, or {@code null}
	 * @param now the time
	 * @param deadline when the saga is compensated if not final
	 * @param leaseUntil until when the caller runs the saga itself
	 * @return the order
	 */
	public static Order place(UUID id, UUID userId, List<OrderLine> lines, String currency, ShippingAddress address,
			PaymentInstruction payment, boolean fromCart, String idempotencyKey, String requestHash, Instant now,
			Instant deadline, Instant leaseUntil) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("An order needs at least one line");
		}
		Order order = new Order();
		order.id = Objects.requireNonNull(id);
		order.userId = Objects.requireNonNull(userId);
		order.status = OrderStatus.PENDING;
		order.currency = currency;
		order.lines = new ArrayList<>(lines);
		Money total = Money.zero(currency);
		for (OrderLine line : lines) {
			total = total.plus(line.lineTotal(currency));
		}
		order.totalAmount = total.amount();
		order.shipName = address.name();
		order.shipLine1 = address.line1();
		order.shipLine2 = address.line2();
		order.shipCity = address.city();
		order.shipPostalCode = address.postalCode();
		order.shipCountry = address.country();
		order.paymentMethodId = payment.methodId();
		order.paymentToken = payment.token();
		order.fromCart = fromCart;
		order.idempotencyKey = idempotencyKey;
		order.requestHash = requestHash;
		order.sagaStep = SagaStep.RESERVE;
		order.sagaDeadline = deadline;
		order.sagaNextAttemptAt = leaseUntil;
		order.createdAt = now;
		order.updatedAt = now;
		order.events.register(OrderCreatedV1.TYPE, id.toString(), OrderCreatedV1.of(order));
		return order;
	}

	// --- the saga's forward steps

	/**
	 * Inventory holds the stock: next, charge.
	 * @param expiresAt when inventory releases the reservation unless committed
	 * @param now the time
	 */
	public void stockReserved(Instant expiresAt, Instant now) {
		requireStep(SagaStep.RESERVE, "reserved");
		this.reservationExpiresAt = expiresAt;
		advanceTo(SagaStep.CHARGE, now);
	}

	/**
	 * Payment captured the total: next, commit the stock. The one-time token is no longer
	 * needed and is forgotten.
	 * @param paymentId payment's id of the charge
	 * @param now the time
	 */
	public void paymentCaptured(String paymentId, Instant now) {
		requireStep(SagaStep.CHARGE, "charged");
		this.paymentId = paymentId;
		this.paymentToken = null;
		this.chargeOutcomeUnknown = false;
		advanceTo(SagaStep.COMMIT, now);
	}

	/**
	 * Inventory committed the stock: the order is CONFIRMED (paid) and the saga done.
	 * @param now the time
	 */
	public void confirm(Instant now) {
		requireStep(SagaStep.COMMIT, "confirmed");
		this.status = OrderStatus.CONFIRMED;
		this.confirmedAt = now;
		finishSaga(now);
		this.events.register(OrderPaidV1.TYPE, this.id.toString(), OrderPaidV1.of(this));
	}

	// --- compensation

	/**
	 * The checkout failed: undo what may have been done. When the charge's outcome is
	 * unknown (the saga timed out waiting for payment), compensation asks payment again
	 * before it refunds.
	 * @param reason why
	 * @param now the time
	 */
	public void failCheckout(CancellationReason reason, Instant now) {
		if (this.status != OrderStatus.PENDING || !this.sagaStep.isForward()) {
			throw new IllegalOrderTransitionException(this, "failed");
		}
		this.chargeOutcomeUnknown = this.sagaStep == SagaStep.CHARGE && this.paymentId == null
				&& reason == CancellationReason.TIMEOUT;
		// all or nothing: an out-of-stock answer left nothing reserved
		this.stockReleased = this.sagaStep == SagaStep.RESERVE && reason == CancellationReason.OUT_OF_STOCK;
		startCompensation(reason, now);
	}

	/**
	 * A customer (before shipping) or an administrator cancels a confirmed order: the
	 * stock goes back and the charge is refunded, then the order is CANCELLED.
	 * @param reason {@link CancellationReason#CUSTOMER_REQUEST} or
	 * {@link CancellationReason#ADMIN}
	 * @param now the time
	 * @param leaseUntil until when the caller runs the compensation itself
	 * @throws IllegalOrderTransitionException unless the order is CONFIRMED and idle
	 */
	public void cancel(CancellationReason reason, Instant now, Instant leaseUntil) {
		if (this.status != OrderStatus.CONFIRMED || this.sagaStep != SagaStep.DONE) {
			throw new IllegalOrderTransitionException(this, "cancelled");
		}
		startCompensation(reason, now);
		this.sagaNextAttemptAt = leaseUntil;
	}

	private void startCompensation(CancellationReason reason, Instant now) {
		this.cancellationReason = reason;
		this.sagaStep = SagaStep.COMPENSATE;
		this.sagaAttempts = 0;
		this.sagaLastError = null;
		this.updatedAt = now;
	}

	/**
	 * Inventory gave the stock back (or never held it).
	 * @param now the time
	 */
	public void stockReleased(Instant now) {
		requireStep(SagaStep.COMPENSATE, "released");
		this.stockReleased = true;
		this.updatedAt = now;
	}

	/**
	 * Compensation learnt from payment that the charge it was unsure about was captured.
	 * @param paymentId the charge
	 * @param now the time
	 */
	public void chargeFound(String paymentId, Instant now) {
		requireStep(SagaStep.COMPENSATE, "charge found");
		this.paymentId = paymentId;
		this.chargeOutcomeUnknown = false;
		this.updatedAt = now;
	}

	/**
	 * Compensation learnt that nothing was charged.
	 * @param now the time
	 */
	public void nothingCharged(Instant now) {
		requireStep(SagaStep.COMPENSATE, "nothing charged");
		this.chargeOutcomeUnknown = false;
		this.paymentToken = null;
		this.updatedAt = now;
	}

	/**
	 * Payment refunded the charge.
	 * @param refundId payment's refund id
	 * @param now the time
	 */
	public void chargeRefunded(String refundId, Instant now) {
		requireStep(SagaStep.COMPENSATE, "refunded");
		this.refundId = refundId;
		this.refunded = true;
		this.updatedAt = now;
	}

	/**
	 * Compensation is complete: the order is CANCELLED.
	 * @param now the time
	 */
	public void cancelled(Instant now) {
		requireStep(SagaStep.COMPENSATE, "cancelled");
		if (!this.stockReleased || needsRefund() || this.chargeOutcomeUnknown) {
			throw new IllegalOrderTransitionException(this, "cancelled before its compensation finished");
		}
		this.status = OrderStatus.CANCELLED;
		this.cancelledAt = now;
		this.paymentToken = null;
		finishSaga(now);
		this.events.register(OrderCancelledV1.TYPE, this.id.toString(), OrderCancelledV1.of(this));
	}

	/**
	 * Whether a captured charge still has to be refunded.
	 * @return true when charged and not yet refunded
	 */
	public boolean needsRefund() {
		return this.paymentId != null && !this.refunded;
	}

	// --- after confirmation

	/**
	 * An administrator hands the order to a carrier.
	 * @param carrier the carrier
	 * @param trackingNumber the tracking number
	 * @param now the time
	 */
	public void ship(String carrier, String trackingNumber, Instant now) {
		if (this.status != OrderStatus.CONFIRMED || this.sagaStep != SagaStep.DONE) {
			throw new IllegalOrderTransitionException(this, "shipped");
		}
		this.status = OrderStatus.SHIPPED;
		this.carrier = carrier;
		this.trackingNumber = trackingNumber;
		this.shippedAt = now;
		this.updatedAt = now;
		this.events.register(OrderShippedV1.TYPE, this.id.toString(), OrderShippedV1.of(this));
	}

	/**
	 * The order arrived.
	 * @param now the time
	 */
	public void deliver(Instant now) {
		if (this.status != OrderStatus.SHIPPED) {
			throw new IllegalOrderTransitionException(this, "delivered");
		}
		this.status = OrderStatus.DELIVERED;
		this.deliveredAt = now;
		this.updatedAt = now;
		this.events.register(OrderDeliveredV1.TYPE, this.id.toString(), OrderDeliveredV1.of(this));
	}

	/**
	 * Payment fully refunded a paid order (outside of a cancellation): REFUNDED.
	 * @param refundedAmount what payment refunded in all
	 * @param now the time
	 * @return whether the order changed (false when it is not in a paid state)
	 */
	public boolean markRefunded(Money refundedAmount, Instant now) {
		if ((this.status != OrderStatus.CONFIRMED && this.status != OrderStatus.SHIPPED
				&& this.status != OrderStatus.DELIVERED) || this.sagaStep != SagaStep.DONE) {
			return false;
		}
		this.status = OrderStatus.REFUNDED;
		this.refunded = true;
		this.updatedAt = now;
		this.events.register(OrderRefundedV1.TYPE, this.id.toString(),
				new OrderRefundedV1(this.id, this.userId, total().json(), refundedAmount.json(), now));
		return true;
	}

	// --- saga bookkeeping

	/**
	 * The caller runs the saga now: other workers leave it alone until the lease ends.
	 * @param owner the process
	 * @param until end of the lease
	 */
	public void hold(String owner, Instant until) {
		if (this.sagaStep != SagaStep.DONE) {
			this.sagaOwner = owner;
			this.sagaNextAttemptAt = until;
		}
	}

	/**
	 * The caller stops running the saga: a worker may pick it up at once.
	 * @param now the time
	 */
	public void letGo(Instant now) {
		if (this.sagaStep != SagaStep.DONE) {
			this.sagaNextAttemptAt = now;
		}
	}

	/**
	 * A participant could not be reached: try again later.
	 * @param error what happened
	 * @param retryAt when to try again
	 * @param now the time
	 */
	public void retryLater(String error, Instant retryAt, Instant now) {
		if (this.sagaStep == SagaStep.DONE) {
			return;
		}
		this.sagaAttempts++;
		this.sagaLastError = (error != null && error.length() > 500) ? error.substring(0, 500) : error;
		this.sagaNextAttemptAt = retryAt;
		this.updatedAt = now;
	}

	/**
	 * Whether the forward part of the saga ran out of time.
	 * @param now the time
	 * @return true when still going forward after the deadline
	 */
	public boolean isOverdue(Instant now) {
		return this.sagaStep.isForward() && now.isAfter(this.sagaDeadline);
	}

	public boolean isCompensating() {
		return this.sagaStep == SagaStep.COMPENSATE;
	}

	private void advanceTo(SagaStep step, Instant now) {
		this.sagaStep = step;
		this.sagaAttempts = 0;
		this.sagaLastError = null;
		this.updatedAt = now;
	}

	private void finishSaga(Instant now) {
		this.sagaStep = SagaStep.DONE;
		this.sagaNextAttemptAt = null;
		this.sagaLastError = null;
		this.updatedAt = now;
	}

	private void requireStep(SagaStep expected, String action) {
		if (this.sagaStep != expected) {
			throw new IllegalOrderTransitionException(this, action + " at saga step " + this.sagaStep);
		}
	}

	// --- reads

	public UUID id() {
		return this.id;
	}

	public UUID userId() {
		return this.userId;
	}

	public OrderStatus status() {
		return this.status;
	}

	public SagaStep sagaStep() {
		return this.sagaStep;
	}

	public String sagaLastError() {
		return this.sagaLastError;
	}

	public Instant sagaNextAttemptAt() {
		return this.sagaNextAttemptAt;
	}

	public int sagaAttempts() {
		return this.sagaAttempts;
	}

	public Money total() {
		return new Money(this.totalAmount.setScale(
				Math.max(java.util.Currency.getInstance(this.currency).getDefaultFractionDigits(), 0),
				java.math.RoundingMode.UNNECESSARY), this.currency);
	}

	public String currency() {
		return this.currency;
	}

	public List<OrderLine> lines() {
		return List.copyOf(this.lines);
	}

	public ShippingAddress shippingAddress() {
		return new ShippingAddress(this.shipName, this.shipLine1, this.shipLine2, this.shipCity, this.shipPostalCode,
				this.shipCountry);
	}

	/**
	 * How the customer pays.
	 * @return the instruction, or {@code null} once the token was forgotten
	 */
	public PaymentInstruction payment() {
		return (this.paymentMethodId == null && this.paymentToken == null) ? null
				: new PaymentInstruction(this.paymentMethodId, this.paymentToken);
	}

	public boolean fromCart() {
		return this.fromCart;
	}

	public CancellationReason cancellationReason() {
		return this.cancellationReason;
	}

	public String paymentId() {
		return this.paymentId;
	}

	public String refundId() {
		return this.refundId;
	}

	public boolean refunded() {
		return this.refunded;
	}

	public boolean stockReleasedFlag() {
		return this.stockReleased;
	}

	public boolean chargeOutcomeUnknown() {
		return this.chargeOutcomeUnknown;
	}

	public String carrier() {
		return this.carrier;
	}

	public String trackingNumber() {
		return this.trackingNumber;
	}

	public String idempotencyKey() {
		return this.idempotencyKey;
	}

	public String requestHash() {
		return this.requestHash;
	}

	public Instant reservationExpiresAt() {
		return this.reservationExpiresAt;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public Instant confirmedAt() {
		return this.confirmedAt;
	}

	public Instant shippedAt() {
		return this.shippedAt;
	}

	public Instant deliveredAt() {
		return this.deliveredAt;
	}

	public Instant cancelledAt() {
		return this.cancelledAt;
	}

	/**
	 * The events registered by the changes since the order was loaded or last saved; the
	 * service writes them to the outbox in the same transaction.
	 * @return the order's events
	 */
	public AggregateEvents events() {
		return this.events;
	}

	public long version() {
		return this.version;
	}

}
