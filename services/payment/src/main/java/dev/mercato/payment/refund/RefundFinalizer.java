package dev.mercato.payment.refund;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.Money;
import dev.mercato.payment.charge.Payment;
import dev.mercato.payment.charge.PaymentStatus;
import dev.mercato.payment.charge.Payments;
import dev.mercato.platform.events.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a refund's final outcome once (only a {@code PENDING} refund changes): the
 * payment's refunded amount, the history row and {@code payment.refunded} commit
 * together.
 */
@Component
public class RefundFinalizer {

	private final Refunds refunds;

	private final Payments payments;

	private final Outbox outbox;

	private final Clock clock;

	RefundFinalizer(Refunds refunds, Payments payments, Outbox outbox, Clock clock) {
		this.refunds = refunds;
		this.payments = payments;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Applies a provider's final answer to a pending refund.
	 * @param refundId the refund
	 * @param succeeded whether the refund succeeded
	 * @param providerRefundId the provider's id
	 * @param detail a failure's reason, or null
	 * @return the refund after
	 */
	@Transactional
	public Refund complete(UUID refundId, boolean succeeded, @Nullable String providerRefundId,
			@Nullable String detail) {
		Refund refund = this.refunds.lock(refundId).orElseThrow();
		if (!refund.status().equals("PENDING")) {
			return refund;
		}
		Instant now = this.clock.instant();
		Payment payment = this.payments.lock(refund.paymentId()).orElseThrow();
		this.refunds.complete(refundId, succeeded ? "SUCCEEDED" : "FAILED", providerRefundId, now);
		this.payments.addTransaction(payment.id(), "REFUND", succeeded ? "SUCCEEDED" : "FAILED", refund.amount(),
				providerRefundId, succeeded ? null : detail, now);
		if (succeeded) {
			Money total = payment.refunded().plus(refund.amount());
			boolean full = !payment.amount().isGreaterThan(total);
			this.payments.refunded(payment.id(), total,
					full ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, now);
			this.outbox.publish(PaymentRefundedV1.TYPE, payment.id().toString(),
					new PaymentRefundedV1(payment.id(), payment.orderId(), payment.userId(), refund.id(),
							refund.amount().json(), total.json(), full, refund.reason(), now));
		}
		return this.refunds.lock(refundId).orElseThrow();
	}

	/**
	 * Finds a refund by the provider's id, or by this service's id from the provider's
	 * metadata (a webhook can arrive before the refund call recorded the provider's id).
	 */
	@Transactional
	public @Nullable Refund find(@Nullable String providerRefundId, @Nullable String refundId) {
		if (providerRefundId != null) {
			Refund found = this.refunds.findByProviderRefundId(providerRefundId).orElse(null);
			if (found != null) {
				return found;
			}
		}
		if (refundId != null) {
			try {
				return this.refunds.lock(UUID.fromString(refundId)).orElse(null);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

}
