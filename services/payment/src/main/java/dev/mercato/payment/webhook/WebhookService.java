package dev.mercato.payment.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.payment.charge.Payment;
import dev.mercato.payment.charge.PaymentFinalizer;
import dev.mercato.payment.charge.PaymentStatus;
import dev.mercato.payment.charge.Payments;
import dev.mercato.payment.provider.ProviderCharge;
import dev.mercato.payment.provider.ProviderEvent;
import dev.mercato.payment.refund.Refund;
import dev.mercato.payment.refund.RefundFinalizer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies verified provider events once: the event id goes into {@code webhook_events} in
 * the same transaction as its effect, so a replay is a no-op. Events only complete what
 * is still pending (final outcomes never change), and an event older than the last one
 * applied to a payment is ignored, so out-of-order delivery cannot undo anything.
 */
@Service
public class WebhookService {

	private final JdbcClient jdbc;

	private final Payments payments;

	private final PaymentFinalizer paymentFinalizer;

	private final RefundFinalizer refunds;

	private final Clock clock;

	WebhookService(JdbcClient jdbc, Payments payments, PaymentFinalizer paymentFinalizer, RefundFinalizer refunds,
			Clock clock) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.paymentFinalizer = paymentFinalizer;
		this.refunds = refunds;
		this.clock = clock;
	}

	/**
	 * What applying an event did.
	 */
	public enum Outcome {

		/** The event changed a payment or refund. */
		APPLIED,
		/** The event id was applied before. */
		DUPLICATE,
		/** The payment or refund was already final, or a newer event was applied. */
		ALREADY_FINAL,
		/** No payment or refund of this service matches. */
		UNKNOWN_OBJECT,
		/** An event type this service does not act on. */
		IGNORED

	}

	/**
	 * Applies an event at most once.
	 * @param provider the provider's name
	 * @param event the verified event
	 * @return what happened
	 */
	@Transactional
	public Outcome apply(String provider, ProviderEvent event) {
		int inserted = this.jdbc.sql("""
				insert into webhook_events (provider, event_id, type, occurred_at, received_at, outcome)
				values (?, ?, ?, ?, ?, 'RECEIVED') on conflict do nothing""")
			.params(provider, event.id(), truncate(event.type()),
					OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC),
					OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		if (inserted == 0) {
			return Outcome.DUPLICATE;
		}
		Outcome outcome = switch (event.kind()) {
			case CHARGE_SUCCEEDED, CHARGE_FAILED -> applyCharge(event);
			case REFUND_SUCCEEDED, REFUND_FAILED -> applyRefund(event);
			case IGNORED -> Outcome.IGNORED;
		};
		this.jdbc.sql("update webhook_events set outcome = ? where provider = ? and event_id = ?")
			.params(outcome.name(), provider, event.id())
			.update();
		return outcome;
	}

	private Outcome applyCharge(ProviderEvent event) {
		Optional<Payment> found = this.payments.findByProviderPaymentId(event.providerObjectId());
		if (found.isEmpty() && event.orderId() != null) {
			found = uuid(event.orderId()).flatMap(this.payments::findByOrder);
		}
		if (found.isEmpty()) {
			return Outcome.UNKNOWN_OBJECT;
		}
		Payment payment = this.payments.lock(found.get().id()).orElseThrow();
		if (payment.status() != PaymentStatus.PENDING
				|| (payment.lastEventAt() != null && event.occurredAt().isBefore(payment.lastEventAt()))) {
			return Outcome.ALREADY_FINAL;
		}
		ProviderCharge.Status status;
		if (event.kind() == ProviderEvent.Kind.CHARGE_SUCCEEDED) {
			status = ProviderCharge.Status.SUCCEEDED;
		}
		else if ("insufficient_funds".equals(event.failureCode())) {
			status = ProviderCharge.Status.INSUFFICIENT_FUNDS;
		}
		else if (event.failureCode() != null) {
			status = ProviderCharge.Status.DECLINED;
		}
		else {
			status = ProviderCharge.Status.FAILED;
		}
		this.paymentFinalizer.complete(payment.id(),
				new ProviderCharge(event.providerObjectId(), status, event.failureCode(), event.message()),
				event.occurredAt());
		return Outcome.APPLIED;
	}

	private Outcome applyRefund(ProviderEvent event) {
		Refund refund = this.refunds.find(event.providerObjectId(), event.refundId());
		if (refund == null) {
			return Outcome.UNKNOWN_OBJECT;
		}
		if (!refund.status().equals("PENDING")) {
			return Outcome.ALREADY_FINAL;
		}
		this.refunds.complete(refund.id(), event.kind() == ProviderEvent.Kind.REFUND_SUCCEEDED,
				event.providerObjectId(), event.failureCode());
		return Outcome.APPLIED;
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String truncate(String type) {
		return (type.length() > 64) ? type.substring(0, 64) : type;
	}

}
