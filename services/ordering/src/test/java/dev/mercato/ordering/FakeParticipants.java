package dev.mercato.ordering;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mercato.contracts.catalog.v1.GetProductsRequest;
import dev.mercato.contracts.catalog.v1.GetProductsResponse;
import dev.mercato.contracts.catalog.v1.Product;
import dev.mercato.contracts.catalog.v1.ProductServiceGrpc;
import dev.mercato.contracts.common.v1.Money;
import dev.mercato.contracts.identity.v1.UserServiceGrpc;
import dev.mercato.contracts.identity.v1.ValidateUserRequest;
import dev.mercato.contracts.identity.v1.ValidateUserResponse;
import dev.mercato.contracts.inventory.v1.CommitRequest;
import dev.mercato.contracts.inventory.v1.CommitResponse;
import dev.mercato.contracts.inventory.v1.InventoryServiceGrpc;
import dev.mercato.contracts.inventory.v1.ReleaseRequest;
import dev.mercato.contracts.inventory.v1.ReleaseResponse;
import dev.mercato.contracts.inventory.v1.ReserveLine;
import dev.mercato.contracts.inventory.v1.ReserveRequest;
import dev.mercato.contracts.inventory.v1.ReserveResponse;
import dev.mercato.contracts.payment.v1.ChargeRequest;
import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.contracts.payment.v1.PaymentServiceGrpc;
import dev.mercato.contracts.payment.v1.RefundRequest;
import dev.mercato.contracts.payment.v1.RefundResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * Test doubles of identity, catalog, inventory and payment behind their real gRPC
 * interfaces (one Netty server on a random port), with the semantics of the real ones:
 * idempotent by order id, all-or-nothing reservations, FAILED_PRECONDITION for a commit
 * of an expired or released reservation, a release of a committed one returns its units
 * (an order cancelled after payment), NOT_FOUND for a release without reservation.
 * Faults: a participant can be "down" (UNAVAILABLE before any effect) or "lose answers"
 * (the effect happens, the caller gets UNAVAILABLE).
 */
public final class FakeParticipants implements AutoCloseable {

	/** Tokens as payment's sandbox understands them. */
	public static final String TOKEN_OK = "tok_visa";

	public static final String TOKEN_DECLINED = "tok_declined";

	public static final String TOKEN_INSUFFICIENT = "tok_insufficient";

	private final Server server;

	public final Set<String> down = ConcurrentHashMap.newKeySet();

	/** participant → how many answers to lose after the effect happened. */
	public final Map<String, AtomicInteger> loseAnswers = new ConcurrentHashMap<>();

	public final Set<UUID> invalidUsers = ConcurrentHashMap.newKeySet();

	public final Map<UUID, Product> products = new ConcurrentHashMap<>();

	public final Map<UUID, Integer> available = new ConcurrentHashMap<>();

	public final Map<UUID, Reservation> reservations = new ConcurrentHashMap<>();

	public final Map<UUID, ChargeResponse> charges = new ConcurrentHashMap<>();

	/**
	 * payment id → refund request ids (a repeated refund request is not a second refund).
	 */
	public final Map<String, Set<String>> refunds = new ConcurrentHashMap<>();

	public final AtomicInteger chargeCalls = new AtomicInteger();

	public final AtomicInteger getProductsCalls = new AtomicInteger();

	public FakeParticipants() {
		try {
			this.server = NettyServerBuilder.forPort(0)
				.addService(new Identity())
				.addService(new Catalog())
				.addService(new Inventory())
				.addService(new Payment())
				.build()
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String address() {
		return "static://localhost:" + this.server.getPort();
	}

	/** A product in the catalog with stock. */
	public UUID product(String name, long priceMinor, int stock) {
		UUID id = UUID.randomUUID();
		this.products.put(id,
				Product.newBuilder()
					.setId(id.toString())
					.setSku("SKU-" + id.toString().substring(0, 8))
					.setName(name)
					.setPrice(Money.newBuilder().setAmountMinor(priceMinor).setCurrency("USD"))
					.setActive(true)
					.build());
		this.available.put(id, stock);
		return id;
	}

	public void archive(UUID id) {
		this.products.computeIfPresent(id, (k, p) -> p.toBuilder().setActive(false).build());
	}

	public long captured() {
		return this.charges.values().stream().filter((c) -> c.getOutcome() == ChargeResponse.Outcome.CAPTURED).count();
	}

	@Override
	public void close() {
		this.server.shutdownNow();
	}

	/** A reservation's state, like inventory's. */
	public static final class Reservation {

		public volatile String status;

		public final List<ReserveLine> lines;

		Reservation(List<ReserveLine> lines) {
			this.status = "RESERVED";
			this.lines = lines;
		}

	}

	private void before(String participant) {
		if (this.down.contains(participant)) {
			throw Status.UNAVAILABLE.withDescription(participant + " is down").asRuntimeException();
		}
	}

	private <T> void answer(String participant, StreamObserver<T> observer, java.util.function.Supplier<T> effect) {
		try {
			before(participant);
			T response = effect.get();
			AtomicInteger lose = this.loseAnswers.get(participant);
			if (lose != null && lose.getAndDecrement() > 0) {
				observer.onError(Status.UNAVAILABLE.withDescription("answer lost").asRuntimeException());
				return;
			}
			observer.onNext(response);
			observer.onCompleted();
		}
		catch (StatusRuntimeException ex) {
			observer.onError(ex);
		}
	}

	private final class Identity extends UserServiceGrpc.UserServiceImplBase {

		@Override
		public void validateUser(ValidateUserRequest request, StreamObserver<ValidateUserResponse> observer) {
			answer("identity", observer, () -> {
				boolean valid = !FakeParticipants.this.invalidUsers.contains(UUID.fromString(request.getUserId()));
				return ValidateUserResponse.newBuilder().setValid(valid).setReason(valid ? "" : "DISABLED").build();
			});
		}

	}

	private final class Catalog extends ProductServiceGrpc.ProductServiceImplBase {

		@Override
		public void getProducts(GetProductsRequest request, StreamObserver<GetProductsResponse> observer) {
			answer("catalog", observer, () -> {
				FakeParticipants.this.getProductsCalls.incrementAndGet();
				GetProductsResponse.Builder response = GetProductsResponse.newBuilder();
				for (String id : request.getProductIdsList()) {
					Product product = FakeParticipants.this.products.get(UUID.fromString(id));
					if (product != null) {
						response.addProducts(product);
					}
				}
				return response.build();
			});
		}

	}

	private final class Inventory extends InventoryServiceGrpc.InventoryServiceImplBase {

		@Override
		public void reserve(ReserveRequest request, StreamObserver<ReserveResponse> observer) {
			answer("inventory", observer, () -> {
				synchronized (FakeParticipants.this) {
					UUID order = UUID.fromString(request.getOrderId());
					Reservation existing = FakeParticipants.this.reservations.get(order);
					if (existing != null) {
						if (!existing.status.equals("RESERVED") && !existing.status.equals("COMMITTED")) {
							throw Status.FAILED_PRECONDITION.withDescription("reservation " + existing.status)
								.asRuntimeException();
						}
						return ReserveResponse.newBuilder()
							.setOutcome(ReserveResponse.Outcome.RESERVED)
							.setExpiresAtEpochMs(System.currentTimeMillis() + 900_000)
							.build();
					}
					ReserveResponse.Builder out = ReserveResponse.newBuilder();
					for (ReserveLine line : request.getLinesList()) {
						int stock = FakeParticipants.this.available.getOrDefault(UUID.fromString(line.getProductId()),
								0);
						if (stock < line.getQuantity()) {
							out.addUnavailableProductIds(line.getProductId());
						}
					}
					if (out.getUnavailableProductIdsCount() > 0) {
						return out.setOutcome(ReserveResponse.Outcome.OUT_OF_STOCK).build();
					}
					for (ReserveLine line : request.getLinesList()) {
						FakeParticipants.this.available.merge(UUID.fromString(line.getProductId()), -line.getQuantity(),
								Integer::sum);
					}
					FakeParticipants.this.reservations.put(order, new Reservation(request.getLinesList()));
					return out.setOutcome(ReserveResponse.Outcome.RESERVED)
						.setExpiresAtEpochMs(System.currentTimeMillis() + 900_000)
						.build();
				}
			});
		}

		@Override
		public void commit(CommitRequest request, StreamObserver<CommitResponse> observer) {
			answer("inventory", observer, () -> {
				synchronized (FakeParticipants.this) {
					Reservation r = FakeParticipants.this.reservations.get(UUID.fromString(request.getOrderId()));
					if (r == null) {
						throw Status.NOT_FOUND.withDescription("no reservation").asRuntimeException();
					}
					if (!r.status.equals("RESERVED") && !r.status.equals("COMMITTED")) {
						throw Status.FAILED_PRECONDITION.withDescription("reservation " + r.status)
							.asRuntimeException();
					}
					r.status = "COMMITTED";
					return CommitResponse.getDefaultInstance();
				}
			});
		}

		@Override
		public void release(ReleaseRequest request, StreamObserver<ReleaseResponse> observer) {
			answer("inventory", observer, () -> {
				synchronized (FakeParticipants.this) {
					Reservation r = FakeParticipants.this.reservations.get(UUID.fromString(request.getOrderId()));
					if (r == null) {
						throw Status.NOT_FOUND.withDescription("no reservation").asRuntimeException();
					}
					if (r.status.equals("RESERVED") || r.status.equals("COMMITTED")) {
						for (ReserveLine line : r.lines) {
							FakeParticipants.this.available.merge(UUID.fromString(line.getProductId()),
									line.getQuantity(), Integer::sum);
						}
						r.status = r.status.equals("RESERVED") ? "RELEASED" : "RETURNED";
					}
					return ReleaseResponse.getDefaultInstance();
				}
			});
		}

	}

	/** Expires a reservation as inventory's sweeper would. */
	public synchronized void expire(UUID orderId) {
		Reservation r = this.reservations.get(orderId);
		if (r != null && r.status.equals("RESERVED")) {
			for (ReserveLine line : r.lines) {
				this.available.merge(UUID.fromString(line.getProductId()), line.getQuantity(), Integer::sum);
			}
			r.status = "EXPIRED";
		}
	}

	private final class Payment extends PaymentServiceGrpc.PaymentServiceImplBase {

		@Override
		public void charge(ChargeRequest request, StreamObserver<ChargeResponse> observer) {
			answer("payment", observer, () -> {
				FakeParticipants.this.chargeCalls.incrementAndGet();
				return FakeParticipants.this.charges.computeIfAbsent(UUID.fromString(request.getOrderId()), (order) -> {
					if (request.hasAmount() && request.getAmount().getAmountMinor() <= 0) {
						throw Status.INVALID_ARGUMENT.asRuntimeException();
					}
					String token = request.getToken();
					if (TOKEN_DECLINED.equals(token)) {
						return ChargeResponse.newBuilder()
							.setOutcome(ChargeResponse.Outcome.DECLINED)
							.setPaymentId(UUID.randomUUID().toString())
							.setFailureReason("card_declined")
							.build();
					}
					if (TOKEN_INSUFFICIENT.equals(token)) {
						return ChargeResponse.newBuilder()
							.setOutcome(ChargeResponse.Outcome.INSUFFICIENT_FUNDS)
							.setPaymentId(UUID.randomUUID().toString())
							.setFailureReason("insufficient_funds")
							.build();
					}
					return ChargeResponse.newBuilder()
						.setOutcome(ChargeResponse.Outcome.CAPTURED)
						.setPaymentId(UUID.randomUUID().toString())
						.build();
				});
			});
		}

		@Override
		public void refund(RefundRequest request, StreamObserver<RefundResponse> observer) {
			answer("payment", observer, () -> {
				ChargeResponse charge = FakeParticipants.this.charges.values()
					.stream()
					.filter((c) -> c.getPaymentId().equals(request.getPaymentId()))
					.findFirst()
					.orElseThrow(() -> Status.NOT_FOUND.asRuntimeException());
				FakeParticipants.this.refunds
					.computeIfAbsent(charge.getPaymentId(), (k) -> ConcurrentHashMap.newKeySet())
					.add(request.getRefundRequestId());
				return RefundResponse.newBuilder().setRefundId("re_" + request.getRefundRequestId()).build();
			});
		}

	}

}
