package dev.mercato.ordering.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.mercato.contracts.common.v1.Money;
import dev.mercato.contracts.identity.v1.UserServiceGrpc;
import dev.mercato.contracts.identity.v1.ValidateUserRequest;
import dev.mercato.contracts.inventory.v1.CommitRequest;
import dev.mercato.contracts.inventory.v1.InventoryServiceGrpc;
import dev.mercato.contracts.inventory.v1.ReleaseRequest;
import dev.mercato.contracts.inventory.v1.ReserveLine;
import dev.mercato.contracts.inventory.v1.ReserveRequest;
import dev.mercato.contracts.inventory.v1.ReserveResponse;
import dev.mercato.contracts.payment.v1.ChargeRequest;
import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.contracts.payment.v1.PaymentServiceGrpc;
import dev.mercato.contracts.payment.v1.RefundRequest;
import dev.mercato.ordering.OrderingProperties;
import dev.mercato.ordering.order.Order;
import dev.mercato.ordering.order.PaymentInstruction;
import dev.mercato.platform.web.DependencyUnavailableException;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The saga's calls to identity, inventory and payment over gRPC, each with a deadline and
 * keyed by the order id, so a repeated call has no second effect. A definitive answer
 * comes back as an outcome; anything that may succeed on a retry (unreachable, deadline,
 * overloaded, no service token) is a {@link ParticipantUnavailableException}.
 */
@Component
class Participants {

	private final UserServiceGrpc.UserServiceBlockingStub identity;

	private final InventoryServiceGrpc.InventoryServiceBlockingStub inventory;

	private final PaymentServiceGrpc.PaymentServiceBlockingStub payment;

	private final ManagedChannel identityChannel;

	private final ManagedChannel inventoryChannel;

	private final ManagedChannel paymentChannel;

	private final long deadlineMs;

	private final long paymentDeadlineMs;

	// the caller's time budget: a checkout request must answer before the gateway gives
	// up
	private static final ThreadLocal<Instant> budget = new ThreadLocal<>();

	Participants(UserServiceGrpc.UserServiceBlockingStub identity,
			InventoryServiceGrpc.InventoryServiceBlockingStub inventory,
			PaymentServiceGrpc.PaymentServiceBlockingStub payment,
			@Qualifier("identityChannel") ManagedChannel identityChannel,
			@Qualifier("inventoryChannel") ManagedChannel inventoryChannel,
			@Qualifier("paymentChannel") ManagedChannel paymentChannel, OrderingProperties properties) {
		this.identity = identity;
		this.inventory = inventory;
		this.payment = payment;
		this.identityChannel = identityChannel;
		this.inventoryChannel = inventoryChannel;
		this.paymentChannel = paymentChannel;
		this.deadlineMs = properties.saga().callDeadline().toMillis();
		this.paymentDeadlineMs = properties.saga().paymentDeadline().toMillis();
	}

	/**
	 * Runs the calls of {@code work} with deadlines that end by {@code until} at the
	 * latest (at least 500 ms each).
	 */
	static <T> T within(Instant until, Supplier<T> work) {
		Instant previous = budget.get();
		budget.set(until);
		try {
			return work.get();
		}
		finally {
			budget.set(previous);
		}
	}

	/**
	 * A participant's definitive refusal (INVALID_ARGUMENT, NOT_FOUND,
	 * FAILED_PRECONDITION ...).
	 */
	record Rejection(Status.Code code, String message) {

	}

	sealed interface ReserveOutcome {

	}

	record Reserved(Instant expiresAt) implements ReserveOutcome {

	}

	record OutOfStock(List<String> productIds) implements ReserveOutcome {

	}

	record ReserveRejected(Rejection rejection) implements ReserveOutcome {

	}

	sealed interface ChargeOutcome {

	}

	record Captured(String paymentId) implements ChargeOutcome {

	}

	record Declined(boolean insufficientFunds, String reason) implements ChargeOutcome {

	}

	record ChargeRejected(Rejection rejection) implements ChargeOutcome {

	}

	/**
	 * Whether identity knows the user as active.
	 * @param userId the user
	 * @return whether valid, with identity's reason when not
	 */
	ValidUser validateUser(UUID userId) {
		try {
			var response = call("identity", this.identity, this.identityChannel, this.deadlineMs,
					(stub) -> stub.validateUser(ValidateUserRequest.newBuilder().setUserId(userId.toString()).build()));
			return new ValidUser(response.getValid(), response.getReason());
		}
		catch (Refused ex) {
			return new ValidUser(false, ex.rejection.message());
		}
	}

	record ValidUser(boolean valid, String reason) {

	}

	ReserveOutcome reserve(Order order) {
		ReserveRequest.Builder request = ReserveRequest.newBuilder().setOrderId(order.id().toString());
		order.lines()
			.forEach((line) -> request.addLines(
					ReserveLine.newBuilder().setProductId(line.productId().toString()).setQuantity(line.quantity())));
		try {
			ReserveResponse response = call("inventory", this.inventory, this.inventoryChannel, this.deadlineMs,
					(stub) -> stub.reserve(request.build()));
			return switch (response.getOutcome()) {
				case RESERVED -> new Reserved(Instant.ofEpochMilli(response.getExpiresAtEpochMs()));
				case OUT_OF_STOCK -> new OutOfStock(response.getUnavailableProductIdsList());
				default -> throw new ParticipantUnavailableException("inventory",
						new IllegalStateException("unknown Reserve outcome " + response.getOutcome()));
			};
		}
		catch (Refused ex) {
			return new ReserveRejected(ex.rejection);
		}
	}

	/**
	 * Charges the order's total, idempotent by order id (asking again returns the first
	 * outcome).
	 */
	ChargeOutcome charge(Order order) {
		PaymentInstruction instruction = order.payment();
		ChargeRequest.Builder request = ChargeRequest.newBuilder()
			.setOrderId(order.id().toString())
			.setUserId(order.userId().toString())
			.setAmount(Money.newBuilder().setAmountMinor(order.total().minor()).setCurrency(order.currency()));
		if (instruction != null && instruction.methodId() != null) {
			request.setMethodId(instruction.methodId());
		}
		else if (instruction != null) {
			request.setToken(instruction.token());
		}
		try {
			ChargeResponse response = call("payment", this.payment, this.paymentChannel, this.paymentDeadlineMs,
					(stub) -> stub.charge(request.build()));
			return switch (response.getOutcome()) {
				case CAPTURED -> new Captured(response.getPaymentId());
				case DECLINED -> new Declined(false, response.getFailureReason());
				case INSUFFICIENT_FUNDS -> new Declined(true, response.getFailureReason());
				default -> throw new ParticipantUnavailableException("payment",
						new IllegalStateException("unknown Charge outcome " + response.getOutcome()));
			};
		}
		catch (Refused ex) {
			return new ChargeRejected(ex.rejection);
		}
	}

	/**
	 * Commits the reservation.
	 * @return {@code null} when committed (or already), else inventory's refusal (the
	 * reservation expired or was released)
	 */
	Rejection commit(UUID orderId) {
		try {
			call("inventory", this.inventory, this.inventoryChannel, this.deadlineMs,
					(stub) -> stub.commit(CommitRequest.newBuilder().setOrderId(orderId.toString()).build()));
			return null;
		}
		catch (Refused ex) {
			return ex.rejection;
		}
	}

	/**
	 * Releases the reservation. An order with no reservation, or a released or expired
	 * one, is fine.
	 * @return {@code null} when nothing is held any more, else inventory's refusal (the
	 * reservation was committed: the stock is sold)
	 */
	Rejection release(UUID orderId, String reason) {
		try {
			call("inventory", this.inventory, this.inventoryChannel, this.deadlineMs, (stub) -> stub
				.release(ReleaseRequest.newBuilder().setOrderId(orderId.toString()).setReason(reason).build()));
			return null;
		}
		catch (Refused ex) {
			return (ex.rejection.code() == Status.Code.NOT_FOUND) ? null : ex.rejection;
		}
	}

	/**
	 * Refunds everything not yet refunded of the order's charge, idempotent by a key
	 * derived from the order id.
	 * @return payment's refund id
	 */
	String refund(Order order, String reason) {
		RefundRequest request = RefundRequest.newBuilder()
			.setRefundRequestId("cancel-" + order.id())
			.setPaymentId(order.paymentId())
			.setReason(reason)
			.build();
		try {
			return call("payment", this.payment, this.paymentChannel, this.paymentDeadlineMs,
					(stub) -> stub.refund(request))
				.getRefundId();
		}
		catch (Refused ex) {
			// a refund refused as invalid cannot be fixed by retrying either; keep trying
			// with backoff so an operator sees it (saga_last_error) instead of losing it
			throw new ParticipantUnavailableException("payment",
					new IllegalStateException("Refund refused: " + ex.rejection));
		}
	}

	/**
	 * One call with a deadline (capped by the caller's budget). A channel that is still
	 * backing off from an earlier outage answers UNAVAILABLE at once although the server
	 * may be back: then the backoff is reset and the call tried once more, waiting for
	 * the connection. Every call is idempotent, so the second attempt is safe.
	 */
	private static <S extends AbstractStub<S>, T> T call(String participant, S stub, ManagedChannel channel,
			long deadlineMs, Function<S, T> rpc) {
		try {
			try {
				return rpc.apply(stub.withDeadlineAfter(deadline(deadlineMs), TimeUnit.MILLISECONDS));
			}
			catch (StatusRuntimeException ex) {
				if (ex.getStatus().getCode() != Status.Code.UNAVAILABLE) {
					throw ex;
				}
				channel.resetConnectBackoff();
				return rpc.apply(stub.withWaitForReady()
					.withDeadlineAfter(Math.min(2_000, deadline(deadlineMs)), TimeUnit.MILLISECONDS));
			}
		}
		catch (StatusRuntimeException ex) {
			Status.Code code = ex.getStatus().getCode();
			switch (code) {
				case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, ALREADY_EXISTS, OUT_OF_RANGE ->
					throw new Refused(new Rejection(code, ex.getStatus().getDescription()));
				default -> throw new ParticipantUnavailableException(participant, ex);
			}
		}
		catch (DependencyUnavailableException ex) {
			// no service token: identity is down
			throw new ParticipantUnavailableException(participant, ex);
		}
	}

	private static long deadline(long configuredMs) {
		Instant until = budget.get();
		if (until == null) {
			return configuredMs;
		}
		long left = until.toEpochMilli() - System.currentTimeMillis();
		return Math.max(500, Math.min(configuredMs, left));
	}

	private static final class Refused extends RuntimeException {

		private final Rejection rejection;

		Refused(Rejection rejection) {
			super(rejection.toString(), null, false, false);
			this.rejection = rejection;
		}

	}

}
