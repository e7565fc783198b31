package dev.mercato.payment.charge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.payment.InvalidPaymentRequestException;
import dev.mercato.payment.Money;
import dev.mercato.payment.PaymentProperties;
import dev.mercato.payment.PaymentStateException;
import dev.mercato.payment.PaymentUnavailableException;
import dev.mercato.payment.method.PaymentMethod;
import dev.mercato.payment.method.PaymentMethodService;
import dev.mercato.payment.provider.InvalidPaymentSourceException;
import dev.mercato.payment.provider.PaymentProvider;
import dev.mercato.payment.provider.PaymentProvider.ChargeInstruction;
import dev.mercato.payment.provider.ProviderCharge;
import dev.mercato.payment.provider.ProviderTimeoutException;
import dev.mercato.payment.provider.ProviderUnavailableException;
import dev.mercato.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges orders, idempotently by order id. The {@code payments} row (unique by order) is
 * the key: a caller claims it under a row lock for an attempt lease, talks to the
 * provider outside any transaction with the idempotency key
 * {@code mercato-charge-<orderId>}, and records the outcome once. A concurrent retry
 * waits for the attempt in flight and answers its outcome; a retry after a lost answer
 * replays the same provider key, so the provider never charges twice.
 */
@Service
public class ChargeService {

	private static final Logger log = LoggerFactory.getLogger(ChargeService.class);

	private static final Duration POLL = Duration.ofMillis(100);

	private final Payments payments;

	private final PaymentMethodService methods;

	private final PaymentProvider provider;

	private final PaymentFinalizer finalizer;

	private final TransactionTemplate tx;

	private final PaymentProperties properties;

	private final Clock clock;

	ChargeService(Payments payments, PaymentMethodService methods, PaymentProvider provider, PaymentFinalizer finalizer,
			TransactionTemplate tx, PaymentProperties properties, Clock clock) {
		this.payments = payments;
		this.methods = methods;
		this.provider = provider;
		this.finalizer = finalizer;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Charges an order once.
	 * @param command what to charge
	 * @return the payment with its final outcome (captured or declined)
	 * @throws InvalidPaymentRequestException for a missing or unusable method
	 * @throws NotFoundException when the saved method is not the user's
	 * @throws PaymentStateException when the order was charged for another user or amount
	 * @throws PaymentUnavailableException when the provider is down or the outcome is not
	 * known yet: retry with the same order id
	 */
	public Payment charge(ChargeCommand command) {
		// a retry of a finished charge is answered from the row, whatever became of the
		// method since (a saved method may have been deleted meanwhile)
		Optional<Payment> finished = this.payments.findByOrder(command.orderId())
			.filter((payment) -> payment.status() != PaymentStatus.PENDING && payment.userId().equals(command.userId())
					&& payment.amount().equals(command.amount()));
		if (finished.isPresent()) {
			return finished.get();
		}
		Source source = source(command);
		Instant giveUp = this.clock.instant().plus(this.properties.attemptLease()).plusSeconds(5);
		while (true) {
			Claim claim = this.tx.execute((status) -> claim(command));
			if (claim.done() != null) {
				return claim.done();
			}
			if (claim.claimed() != null) {
				return attempt(claim.claimed(), source);
			}
			// another caller's attempt is in flight: its outcome is ours
			if (this.clock.instant().isAfter(giveUp)) {
				throw new PaymentUnavailableException("A charge for this order is still in progress; retry later.");
			}
			pause();
		}
	}

	private Source source(ChargeCommand command) {
		if ((command.token() == null) == (command.methodId() == null)) {
			throw new InvalidPaymentRequestException("PAYMENT_METHOD_REQUIRED",
					"Exactly one of a saved method id or a token is required.");
		}
		if (command.token() != null) {
			if (!command.token().matches("[A-Za-z0-9_]{1,255}")) {
				throw new InvalidPaymentRequestException("INVALID_TOKEN", "The token is malformed.");
			}
			return new Source(command.token(), null, null, null);
		}
		PaymentMethod method = this.methods.get(command.userId(), command.methodId());
		if (!method.provider().equals(this.provider.name())) {
			throw new InvalidPaymentRequestException("INVALID_PAYMENT_METHOD",
					"The saved method belongs to another provider.");
		}
		return new Source(null, this.methods.customerOf(command.userId()), method.providerMethodId(), method.id());
	}

	private Claim claim(ChargeCommand command) {
		Instant now = this.clock.instant();
		this.payments.insertIfAbsent(UUID.randomUUID(), command.orderId(), command.userId(), command.amount(),
				this.provider.name(), command.methodId(), now);
		Payment payment = this.payments.lockByOrder(command.orderId()).orElseThrow();
		if (!payment.userId().equals(command.userId()) || !payment.amount().equals(command.amount())) {
			throw new PaymentStateException("ORDER_ALREADY_CHARGED",
					"This order already has a payment for another user or amount.");
		}
		if (payment.status() != PaymentStatus.PENDING) {
			return new Claim(payment, null);
		}
		if (payment.attemptExpiresAt() != null && payment.attemptExpiresAt().isAfter(now)) {
			return new Claim(null, null);
		}
		this.payments.claim(payment.id(), now.plus(this.properties.attemptLease()), now);
		return new Claim(null, payment);
	}

	private Payment attempt(Payment payment, Source source) {
		ChargeInstruction instruction = new ChargeInstruction("mercato-charge-" + payment.orderId(), payment.id(),
				payment.orderId(), payment.amount(), source.token(), source.customerId(), source.providerMethodId());
		ProviderCharge result;
		try {
			result = this.provider.charge(instruction);
		}
		catch (InvalidPaymentSourceException ex) {
			this.tx.executeWithoutResult((status) -> this.payments.deleteUnattempted(payment.id()));
			throw new InvalidPaymentRequestException("INVALID_TOKEN",
					"The token or saved method cannot be charged (unknown, used or removed).");
		}
		catch (ProviderTimeoutException ex) {
			log.warn("Charge of order {} timed out at the provider; reconciling by key", payment.orderId());
			result = reconcile(instruction).orElseThrow(() -> {
				this.tx.executeWithoutResult((status) -> this.payments.releaseClaim(payment.id(), null));
				return new PaymentUnavailableException(
						"The payment provider did not answer; retry with the same order id.", ex);
			});
		}
		catch (ProviderUnavailableException ex) {
			log.warn("Charge of order {} not accepted by the provider: {}", payment.orderId(), ex.getMessage());
			this.tx.executeWithoutResult((status) -> this.payments.releaseClaim(payment.id(), null));
			throw new PaymentUnavailableException("The payment provider is unavailable; retry with the same order id.",
					ex);
		}
		if (result.status() == ProviderCharge.Status.PENDING) {
			String providerPaymentId = result.providerPaymentId();
			this.tx.executeWithoutResult((status) -> this.payments.releaseClaim(payment.id(), providerPaymentId));
			throw new PaymentUnavailableException("The payment is still processing at the provider; retry later.");
		}
		return this.finalizer.complete(payment.id(), result, null);
	}

	private Optional<ProviderCharge> reconcile(ChargeInstruction instruction) {
		try {
			return this.provider.findCharge(instruction);
		}
		catch (ProviderUnavailableException | InvalidPaymentSourceException ex) {
			// the lookup failing is no answer either: the caller retries with the same
			// key
			log.warn("Reconciling the charge of order {} failed: {}", instruction.orderId(), ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * A payment the user may see: their own, or any for an admin.
	 * @throws NotFoundException otherwise
	 */
	@Transactional(readOnly = true)
	public PaymentView view(UUID paymentId, UUID viewer, boolean admin) {
		Payment payment = this.payments.find(paymentId)
			.filter((found) -> admin || found.userId().equals(viewer))
			.orElseThrow(ChargeService::notFound);
		return new PaymentView(payment, this.payments.transactions(payment.id()));
	}

	/**
	 * A page of payments: the viewer's own, or everyone's for an admin.
	 */
	@Transactional(readOnly = true)
	public PaymentPage page(UUID viewer, boolean admin, @Nullable UUID orderId, int page, int size) {
		UUID owner = admin ? null : viewer;
		List<PaymentView> items = this.payments.page(owner, orderId, page, size)
			.stream()
			.map((payment) -> new PaymentView(payment, this.payments.transactions(payment.id())))
			.toList();
		return new PaymentPage(items, page, size, this.payments.count(owner, orderId));
	}

	static NotFoundException notFound() {
		return new NotFoundException("PAYMENT_NOT_FOUND", "No such payment.");
	}

	private static void pause() {
		try {
			Thread.sleep(POLL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentUnavailableException("Interrupted while waiting for a charge in progress.");
		}
	}

	/**
	 * A charge request.
	 *
	 * @param orderId the order: the idempotency key
	 * @param userId the paying user
	 * @param amount the amount
	 * @param methodId a saved method of the user, or null
	 * @param token a one-time provider token, or null
	 */
	public record ChargeCommand(UUID orderId, UUID userId, Money amount, @Nullable UUID methodId,
			@Nullable String token) {

		public ChargeCommand {
			if (!amount.isPositive()) {
				throw new InvalidPaymentRequestException("INVALID_AMOUNT", "The amount must be positive.");
			}
		}

	}

	/**
	 * A payment with its history.
	 *
	 * @param payment the payment
	 * @param transactions its money movements, oldest first
	 */
	public record PaymentView(Payment payment, List<Payments.Transaction> transactions) {

	}

	/**
	 * A page of payments.
	 *
	 * @param items the payments
	 * @param page the page number
	 * @param size the page size
	 * @param total how many there are
	 */
	public record PaymentPage(List<PaymentView> items, int page, int size, long total) {

	}

	private record Source(@Nullable String token, @Nullable String customerId, @Nullable String providerMethodId,
			@Nullable UUID methodId) {

	}

	private record Claim(@Nullable Payment done, @Nullable Payment claimed) {

	}

}
