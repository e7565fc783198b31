package dev.mercato.inventory.reservation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.inventory.InventoryProperties;
import dev.mercato.inventory.InventoryProperties.ReservationStrategy;
import dev.mercato.inventory.stock.Movement;
import dev.mercato.inventory.stock.StockChanges;
import dev.mercato.inventory.stock.StockLevel;
import dev.mercato.inventory.stock.Stocks;
import dev.mercato.platform.events.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Reserve, commit and release stock for the checkout saga. Every call is idempotent by
 * order id, and stock row locks are always taken in product order
 * ({@link ReservationLine#LOCK_ORDER}), so transactions never deadlock on each other.
 */
@Service
public class ReservationService {

	/** Lines per reservation; an order is a cart, not a warehouse transfer. */
	static final int MAX_LINES = 100;

	private final Reservations reservations;

	private final Stocks stocks;

	private final StockChanges changes;

	private final Outbox outbox;

	private final InventoryProperties.Reservation settings;

	private final Clock clock;

	ReservationService(Reservations reservations, Stocks stocks, StockChanges changes, Outbox outbox,
			InventoryProperties properties, Clock clock) {
		this.reservations = reservations;
		this.stocks = stocks;
		this.changes = changes;
		this.outbox = outbox;
		this.settings = properties.reservation();
		this.clock = clock;
	}

	/**
	 * Holds every line or none. Repeating the call for a reserved or committed order
	 * answers the first outcome without a second effect; an order that was out of stock
	 * left nothing behind, so it may be retried.
	 * @param orderId the order
	 * @param requested the lines (a product may repeat: quantities are added)
	 * @param actor who asks, for the audit trail
	 * @return reserved with its expiry, or the products short of stock
	 * @throws InvalidReservationException when there are no lines or too many
	 * @throws ReservationStateException when the order's reservation was released or
	 * expired, or holds other lines
	 */
	@Transactional
	public ReserveResult reserve(UUID orderId, List<ReservationLine> requested, String actor) {
		if (requested.isEmpty() || requested.size() > MAX_LINES) {
			throw new InvalidReservationException(
					"A reservation needs 1 to " + MAX_LINES + " lines, got " + requested.size());
		}
		List<ReservationLine> lines = ReservationLine.normalise(requested);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.ttl());
		if (!this.reservations.createIfAbsent(orderId, expiresAt, now)) {
			return repeated(orderId, lines);
		}
		List<UUID> unavailable = new ArrayList<>();
		List<StockLevel> after = (this.settings.strategy() == ReservationStrategy.ROW_LOCK)
				? reserveWithRowLocks(lines, unavailable, now) : reserveWithConditionalUpdates(lines, unavailable, now);
		if (!unavailable.isEmpty()) {
			// all or nothing: undo the lines already taken and the reservation row
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return ReserveResult.outOfStock(unavailable);
		}
		this.reservations.addLines(orderId, lines);
		for (int i = 0; i < lines.size(); i++) {
			this.changes.applied(after.get(i), 0, lines.get(i).quantity(), Movement.Reason.RESERVED, orderId.toString(),
					null, actor, now);
		}
		this.outbox.publish(InventoryReservedV1.TYPE, orderId.toString(),
				new InventoryReservedV1(orderId, lines, expiresAt));
		return ReserveResult.reserved(expiresAt);
	}

	/**
	 * Turns the order's reservation into a sale: the units leave on-hand and reserved
	 * stock. Committing a committed order does nothing.
	 * @param orderId the order
	 * @param actor who asks
	 * @throws ReservationNotFoundException when the order has no reservation
	 * @throws ReservationStateException when it was released or expired
	 */
	@Transactional
	public void commit(UUID orderId, String actor) {
		Reservation reservation = this.reservations.lock(orderId)
			.orElseThrow(() -> new ReservationNotFoundException(orderId));
		switch (reservation.status()) {
			case COMMITTED -> {
			}
			case RELEASED, EXPIRED, RETURNED ->
				throw ReservationStateException.wrongState(orderId, reservation.status(), "commit");
			case RESERVED -> {
				Instant now = this.clock.instant();
				for (ReservationLine line : reservation.lines()) {
					StockLevel after = this.stocks.change(line.productId(), -line.quantity(), -line.quantity(), now);
					this.changes.applied(after, -line.quantity(), -line.quantity(), Movement.Reason.SOLD,
							orderId.toString(), null, actor, now);
				}
				this.reservations.setStatus(orderId, Reservation.Status.COMMITTED, now);
			}
		}
	}

	/**
	 * Gives the order's units back: a reservation returns to available stock; a committed
	 * sale (an order cancelled after payment) returns its units to on-hand stock.
	 * Releasing a released, expired or returned order does nothing.
	 * @param orderId the order
	 * @param reason why, passed on in the event
	 * @param actor who asks
	 * @throws ReservationNotFoundException when the order has no reservation
	 */
	@Transactional
	public void release(UUID orderId, String reason, String actor) {
		Reservation reservation = this.reservations.lock(orderId)
			.orElseThrow(() -> new ReservationNotFoundException(orderId));
		switch (reservation.status()) {
			case RELEASED, EXPIRED, RETURNED -> {
			}
			case COMMITTED -> returnToStock(reservation, reason, actor);
			case RESERVED -> giveBack(List.of(reservation), Reservation.Status.RELEASED, reason, actor);
		}
	}

	/**
	 * Releases one batch of reservations past their expiry. Reservations another
	 * transaction holds (a commit in progress, another instance's sweeper) are skipped.
	 * @return how many were expired
	 */
	@Transactional
	public int expireDue() {
		List<Reservation> due = this.reservations.lockDue(this.clock.instant(), this.settings.sweepBatchSize());
		if (!due.isEmpty()) {
			giveBack(due, Reservation.Status.EXPIRED, "expired", "system");
		}
		return due.size();
	}

	private ReserveResult repeated(UUID orderId, List<ReservationLine> lines) {
		Reservation existing = this.reservations.lock(orderId)
			.orElseThrow(() -> new IllegalStateException("Reservation " + orderId + " vanished"));
		if (existing.status() == Reservation.Status.RELEASED || existing.status() == Reservation.Status.EXPIRED
				|| existing.status() == Reservation.Status.RETURNED) {
			throw ReservationStateException.wrongState(orderId, existing.status(), "reserve");
		}
		if (!existing.lines().equals(lines)) {
			throw ReservationStateException.conflict(orderId, "already reserved with other lines");
		}
		return ReserveResult.reserved(existing.expiresAt());
	}

	private List<StockLevel> reserveWithConditionalUpdates(List<ReservationLine> lines, List<UUID> unavailable,
			Instant now) {
		List<StockLevel> after = new ArrayList<>();
		for (ReservationLine line : lines) {
			if (!unavailable.isEmpty()) {
				// already failing: only find out which other products are short, without
				// taking more locks
				if (this.stocks.find(line.productId()).filter((s) -> s.available() >= line.quantity()).isEmpty()) {
					unavailable.add(line.productId());
				}
				continue;
			}
			Optional<StockLevel> reserved = this.stocks.reserveIfAvailable(line.productId(), line.quantity(), now);
			reserved.ifPresentOrElse(after::add, () -> unavailable.add(line.productId()));
		}
		return after;
	}

	private List<StockLevel> reserveWithRowLocks(List<ReservationLine> lines, List<UUID> unavailable, Instant now) {
		for (ReservationLine line : lines) {
			if (this.stocks.lock(line.productId()).filter((s) -> s.available() >= line.quantity()).isEmpty()) {
				unavailable.add(line.productId());
			}
		}
		if (!unavailable.isEmpty()) {
			return List.of();
		}
		return lines.stream().map((line) -> this.stocks.change(line.productId(), 0, line.quantity(), now)).toList();
	}

	private void returnToStock(Reservation sold, String reason, String actor) {
		Instant now = this.clock.instant();
		// reservation lines are kept in product order: the lock order of every
		// transaction
		for (ReservationLine line : sold.lines()) {
			StockLevel after = this.stocks.change(line.productId(), line.quantity(), 0, now);
			this.changes.applied(after, line.quantity(), 0, Movement.Reason.RETURNED, sold.orderId().toString(), null,
					actor, now);
		}
		this.reservations.setStatus(sold.orderId(), Reservation.Status.RETURNED, now);
		this.outbox.publish(InventoryReleasedV1.TYPE, sold.orderId().toString(),
				new InventoryReleasedV1(sold.orderId(), sold.lines(), false, reason));
	}

	private void giveBack(List<Reservation> given, Reservation.Status status, String reason, String actor) {
		Instant now = this.clock.instant();
		Movement.Reason movement = (status == Reservation.Status.EXPIRED) ? Movement.Reason.EXPIRED
				: Movement.Reason.RELEASED;
		// lines of several reservations in one global product order: the same lock order
		// as
		// every other transaction
		List<Map.Entry<UUID, ReservationLine>> lines = given.stream()
			.flatMap((r) -> r.lines().stream().map((line) -> Map.entry(r.orderId(), line)))
			.sorted(Comparator.comparing((Map.Entry<UUID, ReservationLine> e) -> e.getValue().productId())
				.thenComparing(Map.Entry::getKey))
			.toList();
		for (Map.Entry<UUID, ReservationLine> entry : lines) {
			ReservationLine line = entry.getValue();
			StockLevel after = this.stocks.change(line.productId(), 0, -line.quantity(), now);
			this.changes.applied(after, 0, -line.quantity(), movement, entry.getKey().toString(), null, actor, now);
		}
		for (Reservation reservation : given) {
			this.reservations.setStatus(reservation.orderId(), status, now);
			this.outbox.publish(InventoryReleasedV1.TYPE, reservation.orderId().toString(), new InventoryReleasedV1(
					reservation.orderId(), reservation.lines(), status == Reservation.Status.EXPIRED, reason));
		}
	}

}
