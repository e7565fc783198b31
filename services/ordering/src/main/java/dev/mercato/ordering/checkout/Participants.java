package dev.mercato.ordering.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
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
import io.grpc.Context;
import io.grpc.Deadline;
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

	/** Below this, a call gets this long anyway rather than failing before it is sent. */
	private static final long MIN_CALL_MS = 500;

	// ends the caller's budget (Context deadlines); one daemon thread for all of them
	private static final ScheduledExecutorService deadlines = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ordering-deadlines").factory());

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
	 * Runs {@code work} in a gRPC {@link Context} whose deadline is {@code until} (or the
	 * caller's, if sooner): every call it makes ends by then at the latest, as stubs take
	 * the deadline from the context, and a participant's server sees the deadline too. A
	 * call that would have less than 500 ms left gets 500 ms (see {@link #call}).
	 */
	static <T> T within(Instant until, Supplier<T> work) {
		long ms = Math.max(0, until.toEpochMilli() - System.currentTimeMillis());
		Context.CancellableContext budget = Context.current()
			.withDeadline(Deadline.after(ms, TimeUnit.MILLISECONDS), deadlines);
		Context previous = budget.attach();
		try {
			return work.get();
		}
		finally {
			budget.detach(previous);
			budget.cancel(null);
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
	 * One call with a deadline: the configured one, capped by the deadline of the current
	 * gRPC context (the caller's budget, see {@link #within}). A channel that is still
	 * backing off from an earlier outage answers UNAVAILABLE at once although the server
	 * may be back: then the backoff is reset and the call tried once more, waiting for
	 * the connection. Every call is idempotent, so the second attempt is safe.
	 */
	private static <S extends AbstractStub<S>, T> T call(String participant, S stub, ManagedChannel channel,
			long deadlineMs, Function<S, T> rpc) {
		try {
			try {
				return withFloor(deadlineMs, (ms) -> rpc.apply(stub.withDeadlineAfter(ms, TimeUnit.MILLISECONDS)));
			}
			catch (StatusRuntimeException ex) {
				if (ex.getStatus().getCode() != Status.Code.UNAVAILABLE) {
					throw ex;
				}
				channel.resetConnectBackoff();
				return withFloor(Math.min(2_000, deadlineMs),
						(ms) -> rpc.apply(stub.withWaitForReady().withDeadlineAfter(ms, TimeUnit.MILLISECONDS)));
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

	/**
	 * Makes the call with at most {@code configuredMs}; the stub caps it by the context's
	 * deadline. When that leaves less than 500 ms, the call runs with 500 ms in a fork of
	 * the context that keeps its values but not its deadline: a step begun in time gets a
	 * fair chance to finish rather than failing before it is sent.
	 */
	private static <T> T withFloor(long configuredMs, LongFunction<T> rpc) {
		Deadline budget = Context.current().getDeadline();
		if (budget == null || budget.timeRemaining(TimeUnit.MILLISECONDS) >= MIN_CALL_MS) {
			return rpc.apply(configuredMs);
		}
		Context forked = Context.current().fork();
		Context previous = forked.attach();
		try {
			return rpc.apply(MIN_CALL_MS);
		}
		finally {
			forked.detach(previous);
		}
	}

	private static final class Refused extends RuntimeException {

		private final Rejection rejection;

		Refused(Rejection rejection) {
			super(rejection.toString(), null, false, false);
			this.rejection = rejection;
		}

	}

}
