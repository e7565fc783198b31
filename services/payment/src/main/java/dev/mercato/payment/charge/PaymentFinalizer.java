package dev.mercato.payment.charge;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.mercato.payment.provider.ProviderCharge;
import dev.mercato.platform.events.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a charge's final outcome once: the status, the history row and the event commit
 * together, and only a {@code PENDING} payment changes. Used by the charge call and by
 * webhooks, whichever comes first.
 */
@Component
public class PaymentFinalizer {

	private final Payments payments;

	private final Outbox outbox;

	private final Clock clock;

	PaymentFinalizer(Payments payments, Outbox outbox, Clock clock) {
		this.payments = payments;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Applies a final provider outcome to a pending payment.
	 * @param paymentId the payment
	 * @param charge the provider's outcome (not {@code PENDING})
	 * @param eventAt the provider event's time when a webhook applies it, else null
	 * @return the payment after (unchanged when it was not pending)
	 */
	@Transactional
	public Payment complete(UUID paymentId, ProviderCharge charge, @Nullable Instant eventAt) {
		Payment payment = this.payments.lock(paymentId).orElseThrow();
		if (payment.status() != PaymentStatus.PENDING || charge.status() == ProviderCharge.Status.PENDING) {
			return payment;
		}
		Instant now = this.clock.instant();
		PaymentStatus status = switch (charge.status()) {
			case SUCCEEDED -> PaymentStatus.CAPTURED;
			case DECLINED -> PaymentStatus.DECLINED;
			case INSUFFICIENT_FUNDS -> PaymentStatus.INSUFFICIENT_FUNDS;
			case FAILED, PENDING -> PaymentStatus.FAILED;
		};
		this.payments.complete(paymentId, status, charge.providerPaymentId(), charge.failureCode(), charge.message(),
				eventAt, now);
		boolean captured = status == PaymentStatus.CAPTURED;
		this.payments.addTransaction(paymentId, "CHARGE", captured ? "SUCCEEDED" : "FAILED", payment.amount(),
				charge.providerPaymentId(), captured ? null : charge.failureCode(), now);
		if (captured) {
			this.outbox.publish(PaymentProcessedV1.TYPE, paymentId.toString(), new PaymentProcessedV1(paymentId,
					payment.orderId(), payment.userId(), payment.amount().json(), payment.provider(), now));
		}
		else {
			String reason = switch (status) {
				case DECLINED -> "DECLINED";
				case INSUFFICIENT_FUNDS -> "INSUFFICIENT_FUNDS";
				default -> "PROVIDER_ERROR";
			};
			String message = (charge.message() != null) ? charge.message() : "The payment failed.";
			this.outbox.publish(PaymentFailedV1.TYPE, paymentId.toString(), new PaymentFailedV1(paymentId,
					payment.orderId(), payment.userId(), payment.amount().json(), reason, message, now));
		}
		return this.payments.find(paymentId).orElseThrow();
	}

}
