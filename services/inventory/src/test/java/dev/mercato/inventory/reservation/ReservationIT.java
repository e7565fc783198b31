package dev.mercato.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mercato.contracts.inventory.v1.ReserveLine;
import dev.mercato.contracts.inventory.v1.ReserveRequest;
import dev.mercato.contracts.inventory.v1.ReserveResponse;
import dev.mercato.contracts.inventory.v1.ReserveResponse.Outcome;
import dev.mercato.inventory.GrpcITSupport;
import dev.mercato.inventory.InventoryGrpcClient;
import dev.mercato.inventory.stock.StockService;
import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestJwtIssuer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reserve, Commit and Release over gRPC against real PostgreSQL.
 */
@SpringBootTest(properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class ReservationIT extends GrpcITSupport {

	@Autowired
	StockService stock;

	@Autowired
	MeterRegistry meters;

	@Test
	void twoHundredConcurrentReservationsOfTheLastFiftyUnitsNeverOversell() throws Exception {
		UUID product = product(50, 0);
		int callers = 200;
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger lowestAvailable = new AtomicInteger(Integer.MAX_VALUE);
		AtomicInteger samples = new AtomicInteger();
		List<Future<Outcome>> outcomes = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			// watches the committed levels while the calls run
			Future<?> watcher = pool.submit(() -> {
				while (running.get()) {
					int[] levels = this.db.levels(product);
					lowestAvailable.accumulateAndGet(Math.min(levels[0] - levels[1], levels[1]), Math::min);
					samples.incrementAndGet();
				}
				return null;
			});
			for (int i = 0; i < callers; i++) {
				outcomes.add(pool.submit(() -> {
					start.await();
					return this.inventory.reserve(UUID.randomUUID(), product).getOutcome();
				}));
			}
			start.countDown();
			int reserved = 0;
			int outOfStock = 0;
			for (Future<Outcome> outcome : outcomes) {
				switch (outcome.get()) {
					case RESERVED -> reserved++;
					case OUT_OF_STOCK -> outOfStock++;
					default -> throw new AssertionError("Unexpected outcome " + outcome.get());
				}
			}
			running.set(false);
			watcher.get();
			assertThat(reserved).isEqualTo(50);
			assertThat(outOfStock).isEqualTo(150);
		}
		assertThat(this.meters.get("mercato.inventory.reservations").tag("outcome", "out_of_stock").counter().count())
			.isGreaterThanOrEqualTo(150);
		assertThat(samples.get()).isPositive();
		assertThat(lowestAvailable.get()).as("lowest available or reserved seen").isGreaterThanOrEqualTo(0);
		assertThat(this.db.levels(product)).containsExactly(50, 50);
		assertThat(this.db.movementSums(product)).containsExactly(50, 50);
		assertThat(this.jdbc
			.sql("select count(*) from reservations r join reservation_lines l using (order_id)"
					+ " where l.product_id = ? and r.status = 'RESERVED'")
			.param(product)
			.query(Long.class)
			.single()).isEqualTo(50);
		assertThat(this.stock.level(product).available()).isZero();
	}

	@Test
	void reserveIsAllOrNothing() {
		UUID plenty = product(10, 0);
		UUID scarce = product(1, 0);
		UUID unknown = UUID.randomUUID();
		UUID order = UUID.randomUUID();

		ReserveResponse response = this.inventory.reserve(order, plenty, scarce, scarce, unknown);

		assertThat(response.getOutcome()).isEqualTo(Outcome.OUT_OF_STOCK);
		assertThat(response.getUnavailableProductIdsList()).containsExactlyInAnyOrder(scarce.toString(),
				unknown.toString());
		assertThat(this.db.levels(plenty)).containsExactly(10, 0);
		assertThat(this.db.levels(scarce)).containsExactly(1, 0);
		assertThat(this.db.reservationStatus(order)).isEqualTo("NONE");
		// nothing was left behind: the same order may be retried once stock allows
		assertThat(this.inventory.reserve(order, plenty, scarce).getOutcome()).isEqualTo(Outcome.RESERVED);
		assertThat(this.db.levels(scarce)).containsExactly(1, 1);
	}

	@Test
	void repeatedReserveHasOneEffect() {
		UUID product = product(10, 0);
		UUID order = UUID.randomUUID();

		ReserveResponse first = this.inventory.reserve(order, product, product);
		ReserveResponse second = this.inventory.reserve(order, product, product);

		assertThat(first.getOutcome()).isEqualTo(Outcome.RESERVED);
		assertThat(second).isEqualTo(first);
		assertThat(first.getExpiresAtEpochMs()).isGreaterThan(System.currentTimeMillis() + 14 * 60_000);
		assertThat(this.db.levels(product)).containsExactly(10, 2);
		assertThat(this.db.movementSums(product)).containsExactly(10, 2);
		assertThat(this.db.events("mercato.inventory.reserved.v1", order)).isOne();
		// the same order with other lines is a conflict, not a second reservation
		assertThat(status(() -> this.inventory.reserve(order, product))).isEqualTo(Status.Code.FAILED_PRECONDITION);
	}

	@Test
	void repeatedCommitHasOneEffect() {
		UUID product = product(10, 0);
		UUID order = UUID.randomUUID();
		this.inventory.reserve(order, product, product, product);

		this.inventory.commit(order);
		this.inventory.commit(order);

		assertThat(this.db.levels(product)).containsExactly(7, 0);
		assertThat(this.db.movementSums(product)).containsExactly(7, 0);
		assertThat(this.db.reservationStatus(order)).isEqualTo("COMMITTED");
		// a committed order is still reserved for a repeated Reserve: no second hold
		assertThat(this.inventory.reserve(order, product, product, product).getOutcome()).isEqualTo(Outcome.RESERVED);
		assertThat(this.db.levels(product)).containsExactly(7, 0);
	}

	@Test
	void releasingASoldOrderReturnsItsUnitsOnce() {
		// the order was cancelled after payment: its units go back on the shelf
		UUID product = product(10, 0);
		UUID order = UUID.randomUUID();
		this.inventory.reserve(order, product, product, product);
		this.inventory.commit(order);

		this.inventory.release(order);
		this.inventory.release(order);

		assertThat(this.db.levels(product)).containsExactly(10, 0);
		assertThat(this.db.movementSums(product)).containsExactly(10, 0);
		assertThat(this.db.reservationStatus(order)).isEqualTo("RETURNED");
		assertThat(this.db.events("mercato.inventory.released.v1", order)).isOne();
		assertThat(status(() -> this.inventory.commit(order))).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(status(() -> this.inventory.reserve(order, product, product, product)))
			.isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(this.db.levels(product)).containsExactly(10, 0);
	}

	@Test
	void repeatedReleaseHasOneEffect() {
		UUID product = product(10, 0);
		UUID order = UUID.randomUUID();
		this.inventory.reserve(order, product, product);

		this.inventory.release(order);
		this.inventory.release(order);

		assertThat(this.db.levels(product)).containsExactly(10, 0);
		assertThat(this.db.movementSums(product)).containsExactly(10, 0);
		assertThat(this.db.reservationStatus(order)).isEqualTo("RELEASED");
		assertThat(this.db.events("mercato.inventory.released.v1", order)).isOne();
		assertThat(status(() -> this.inventory.commit(order))).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(status(() -> this.inventory.reserve(order, product, product)))
			.isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(this.db.levels(product)).containsExactly(10, 0);
	}

	@Test
	void movementsAreAppendOnly() {
		UUID product = product(10, 0);
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update stock_movements set delta_on_hand = 0 where product_id = ?")
				.param(product)
				.update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> this.jdbc.sql("delete from stock_movements where product_id = ?").param(product).update());
		assertThat(this.db.movementSums(product)).containsExactly(10, 0);
	}

	@Test
	void unknownOrdersAreNotFound() {
		assertThat(status(() -> this.inventory.commit(UUID.randomUUID()))).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(status(() -> this.inventory.release(UUID.randomUUID()))).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void badInputIsInvalidArgument() {
		UUID product = product(10, 0);
		ReserveLine one = ReserveLine.newBuilder().setProductId(product.toString()).setQuantity(1).build();
		assertThat(status(() -> this.inventory
			.reserve(ReserveRequest.newBuilder().setOrderId("not-a-uuid").addLines(one).build())))
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(status(() -> this.inventory
			.reserve(ReserveRequest.newBuilder().setOrderId(UUID.randomUUID().toString()).build())))
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(status(() -> this.inventory.reserve(ReserveRequest.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.addLines(one.toBuilder().setQuantity(0))
			.build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(status(() -> this.inventory.reserve(ReserveRequest.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.addLines(one.toBuilder().setProductId("nope"))
			.build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(this.db.levels(product)).containsExactly(10, 0);
	}

	@Test
	void callersNeedAServiceOrAdminToken() {
		UUID product = product(10, 0);
		try (InventoryGrpcClient anonymous = new InventoryGrpcClient(this.grpcServer.getPort(), null);
				InventoryGrpcClient customer = new InventoryGrpcClient(this.grpcServer.getPort(),
						TestJwtIssuer.shared().token(UUID.randomUUID(), "CUSTOMER"));
				InventoryGrpcClient forged = new InventoryGrpcClient(this.grpcServer.getPort(),
						TestJwtIssuer.shared().signedWithAnotherKey(UUID.randomUUID()));
				InventoryGrpcClient admin = new InventoryGrpcClient(this.grpcServer.getPort(),
						TestJwtIssuer.shared().token(UUID.randomUUID(), "ADMIN"))) {
			assertThat(status(() -> anonymous.reserve(UUID.randomUUID(), product)))
				.isEqualTo(Status.Code.UNAUTHENTICATED);
			assertThat(status(() -> forged.reserve(UUID.randomUUID(), product))).isEqualTo(Status.Code.UNAUTHENTICATED);
			assertThat(status(() -> customer.reserve(UUID.randomUUID(), product)))
				.isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(this.db.levels(product)).containsExactly(10, 0);
			assertThat(admin.reserve(UUID.randomUUID(), product).getOutcome()).isEqualTo(Outcome.RESERVED);
		}
		assertThat(reservedBy(product)).matches("[0-9a-f-]{36}");
	}

	@Test
	void movementsNameTheCallingService() {
		UUID product = product(10, 0);
		this.inventory.reserve(UUID.randomUUID(), product);
		assertThat(reservedBy(product)).isEqualTo("service:ordering");
	}

	@Test
	void lowStockFiresOncePerDownwardCrossing() {
		UUID product = product(10, 3);
		String lowStock = "mercato.inventory.low_stock.v1";
		UUID first = UUID.randomUUID();
		this.inventory.reserve(first, product, product, product, product, product, product); // 4
																								// left
		assertThat(this.db.events(lowStock, product)).isZero();
		UUID second = UUID.randomUUID();
		this.inventory.reserve(second, product); // 3 left: crosses
		assertThat(this.db.events(lowStock, product)).isOne();
		this.inventory.reserve(UUID.randomUUID(), product); // 2 left: still under
		assertThat(this.db.events(lowStock, product)).isOne();
		this.inventory.release(first); // 8 left: back above
		this.inventory.release(second); // 9 left
		assertThat(this.db.events(lowStock, product)).isOne();
		this.inventory.reserve(UUID.randomUUID(), product, product, product, product, product, product); // 3
		assertThat(this.db.events(lowStock, product)).isEqualTo(2);
		// one inventory.updated per change of availability, the creation included
		assertThat(this.db.events("mercato.inventory.updated.v1", product)).isEqualTo(7);
	}

	private String reservedBy(UUID product) {
		return this.jdbc.sql("select actor from stock_movements where product_id = ? and reason = 'RESERVED'")
			.param(product)
			.query(String.class)
			.single();
	}

	private UUID product(int onHand, int threshold) {
		UUID product = UUID.randomUUID();
		this.stock.create(product, UUID.randomUUID(), onHand, threshold, "test");
		return product;
	}

	private static Status.Code status(Runnable call) {
		try {
			call.run();
		}
		catch (StatusRuntimeException ex) {
			return ex.getStatus().getCode();
		}
		throw new AssertionError("The call succeeded");
	}

}
