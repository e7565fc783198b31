package dev.mercato.payment.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.payment.InvalidPaymentRequestException;
import dev.mercato.payment.Money;
import dev.mercato.payment.PaymentProperties;
import dev.mercato.payment.PaymentStateException;
import dev.mercato.payment.PaymentUnavailableException;
import dev.mercato.payment.charge.Payment;
import dev.mercato.payment.charge.Payments;
import dev.mercato.payment.provider.InvalidPaymentSourceException;
import dev.mercato.payment.provider.PaymentProvider;
import dev.mercato.payment.provider.PaymentProvider.RefundInstruction;
import dev.mercato.payment.provider.ProviderRefund;
import dev.mercato.payment.provider.ProviderTimeoutException;
import dev.mercato.payment.provider.ProviderUnavailableException;
import dev.mercato.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full and partial refunds, idempotent by refund request id, never above what was
 * captured. The payment row is locked while a refund is admitted, and refunds still in
 * flight count against the refundable amount, so concurrent refunds cannot exceed the
 * capture; the database's check constraint is the last line of defence.
 */
@Service
public class RefundService {

	private static final Logger log = LoggerFactory.getLogger(RefundService.class);

	private final Refunds refunds;

	private final Payments payments;

	private final PaymentProvider provider;

	private final RefundFinalizer finalizer;

	private final TransactionTemplate tx;

	private final PaymentProperties properties;

	private final Clock clock;

	RefundService(Refunds refunds, Payments payments, PaymentProvider provider, RefundFinalizer finalizer,
			TransactionTemplate tx, PaymentProperties properties, Clock clock) {
		this.refunds = refunds;
		this.payments = payments;
		this.provider = provider;
		this.finalizer = finalizer;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Refunds once per request key.
	 * @param command the refund
	 * @return the refund (SUCCEEDED, or PENDING while the provider processes it)
	 * @throws NotFoundException for an unknown payment
	 * @throws PaymentStateException for a payment not captured, an amount above what is
	 * left, or a key reused for another refund
	 * @throws InvalidPaymentRequestException for a bad amount
	 * @throws PaymentUnavailableException when the provider is down: retry with the same
	 * key
	 */
	public Refund refund(RefundCommand command) {
		Instant giveUp = this.clock.instant().plus(this.properties.attemptLease()).plusSeconds(5);
		while (true) {
			Claim claim = this.tx.execute((status) -> claim(command));
			if (claim.done() != null) {
				return claim.done();
			}
			if (claim.claimed() != null) {
				return attempt(claim.claimed(), claim.payment());
			}
			if (this.clock.instant().isAfter(giveUp)) {
				throw new PaymentUnavailableException("This refund is still in progress; retry later.");
			}
			try {
				Thread.sleep(Duration.ofMillis(100));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PaymentUnavailableException("Interrupted while waiting for a refund in progress.");
			}
		}
	}

	/**
	 * A payment's refunds, oldest first.
	 */
	public List<Refund> ofPayment(UUID paymentId) {
		return this.refunds.ofPayment(paymentId);
	}

	private Claim claim(RefundCommand command) {
		Instant now = this.clock.instant();
		Refund existing = this.refunds.lockByKey(command.requestKey()).orElse(null);
		if (existing != null) {
			if (!existing.paymentId().equals(command.paymentId())
					|| (command.amount() != null && !command.amount().equals(existing.amount()))) {
				throw new PaymentStateException("IDEMPOTENCY_KEY_REUSED",
						"This refund request id was already used for another refund.");
			}
			if (!existing.status().equals("PENDING")) {
				return new Claim(existing, null, null);
			}
			if (existing.attemptExpiresAt() != null && existing.attemptExpiresAt().isAfter(now)) {
				return new Claim(null, null, null);
			}
			this.refunds.claim(existing.id(), now.plus(this.properties.attemptLease()), now);
			return new Claim(null, existing, this.payments.find(existing.paymentId()).orElseThrow());
		}
		Payment payment = this.payments.lock(command.paymentId())
			.orElseThrow(() -> new NotFoundException("PAYMENT_NOT_FOUND", "No such payment."));
		if (!payment.status().isCaptured()) {
			throw new PaymentStateException("PAYMENT_NOT_CAPTURED", "Only a captured payment can be refunded.");
		}
		Money pending = new Money(this.refunds.pendingTotal(payment.id()), payment.amount().currency());
		Money refundable = payment.refundable().minus(pending);
		Money amount = (command.amount() != null) ? command.amount() : refundable;
		if (!amount.currency().equals(payment.amount().currency())) {
			throw new InvalidPaymentRequestException("CURRENCY_MISMATCH",
					"The refund's currency differs from the payment's (" + payment.amount().currency() + ").");
		}
		if (!amount.isPositive()) {
			if (command.amount() != null) {
				throw new InvalidPaymentRequestException("INVALID_AMOUNT", "The amount must be positive.");
			}
			throw new PaymentStateException("NOTHING_TO_REFUND", "Everything captured is refunded or being refunded.");
		}
		if (amount.isGreaterThan(refundable)) {
			throw new PaymentStateException("REFUND_EXCEEDS_CAPTURED",
					"The refund exceeds what is left to refund (" + refundable + ").");
		}
		Refund refund = new Refund(UUID.randomUUID(), payment.id(), command.requestKey(), amount, command.reason(),
				"PENDING", null, command.requestedBy(), now.plus(this.properties.attemptLease()), now, now);
		if (!this.refunds.insert(refund)) {
			// the same key was admitted concurrently (for another payment's lock)
			throw new PaymentStateException("IDEMPOTENCY_KEY_REUSED",
					"This refund request id is being used by another refund.");
		}
		return new Claim(null, refund, payment);
	}

	private Refund attempt(Refund refund, Payment payment) {
		RefundInstruction instruction = new RefundInstruction("mercato-refund-" + refund.requestKey(), refund.id(),
				payment.providerPaymentId(), refund.amount());
		ProviderRefund result;
		try {
			result = call(instruction);
		}
		catch (ProviderTimeoutException ex) {
			log.warn("Refund {} timed out twice at the provider; it stays pending", refund.id());
			this.tx.executeWithoutResult((status) -> this.refunds.releaseClaim(refund.id(), null));
			throw new PaymentUnavailableException("The payment provider did not answer; retry with the same key.", ex);
		}
		catch (ProviderUnavailableException ex) {
			this.tx.executeWithoutResult((status) -> this.refunds.deleteUnattempted(refund.id()));
			throw new PaymentUnavailableException("The payment provider is unavailable; retry with the same key.", ex);
		}
		catch (InvalidPaymentSourceException ex) {
			return this.finalizer.complete(refund.id(), false, null, ex.getMessage());
		}
		return switch (result.status()) {
			case SUCCEEDED -> this.finalizer.complete(refund.id(), true, result.providerRefundId(), null);
			case FAILED -> this.finalizer.complete(refund.id(), false, result.providerRefundId(), "provider failed");
			case PENDING -> {
				this.tx.executeWithoutResult(
						(status) -> this.refunds.releaseClaim(refund.id(), result.providerRefundId()));
				yield this.refunds.lock(refund.id()).orElseThrow();
			}
		};
	}

	// A timeout may hide an accepted refund: the same key once more replays it (the
	// provider answers the first outcome) instead of refunding twice.
	private ProviderRefund call(RefundInstruction instruction) {
		try {
			return this.provider.refund(instruction);
		}
		catch (ProviderTimeoutException ex) {
			return this.provider.refund(instruction);
		}
	}

	/**
	 * A refund request.
	 *
	 * @param requestKey the idempotency key
	 * @param paymentId the payment
	 * @param amount the amount, or null for everything left
	 * @param reason why
	 * @param requestedBy who asks
	 */
	public record RefundCommand(String requestKey, UUID paymentId, @Nullable Money amount, String reason,
			String requestedBy) {

		public RefundCommand {
			if (requestKey == null || requestKey.isBlank() || requestKey.length() > 200) {
				throw new InvalidPaymentRequestException("INVALID_REFUND_REQUEST_ID",
						"A refund request id of 1 to 200 characters is required.");
			}
			reason = (reason == null || reason.isBlank()) ? "requested" : reason.strip();
			if (reason.length() > 200) {
				throw new InvalidPaymentRequestException("INVALID_REASON", "The reason is longer than 200 characters.");
			}
		}

	}

	private record Claim(@Nullable Refund done, @Nullable Refund claimed, @Nullable Payment payment) {

	}

}
