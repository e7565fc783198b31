package dev.mercato.inventory.reservation.grpc;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.mercato.contracts.inventory.v1.CommitRequest;
import dev.mercato.contracts.inventory.v1.CommitResponse;
import dev.mercato.contracts.inventory.v1.InventoryServiceGrpc;
import dev.mercato.contracts.inventory.v1.ReleaseRequest;
import dev.mercato.contracts.inventory.v1.ReleaseResponse;
import dev.mercato.contracts.inventory.v1.ReserveRequest;
import dev.mercato.contracts.inventory.v1.ReserveResponse;
import dev.mercato.inventory.reservation.InvalidReservationException;
import dev.mercato.inventory.reservation.ReservationLine;
import dev.mercato.inventory.reservation.ReservationService;
import dev.mercato.inventory.reservation.ReserveResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.grpc.stub.StreamObserver;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * {@code mercato.inventory.v1.InventoryService}: the checkout saga's stock steps. Callers
 * authenticate with a JWT: a service token (ordering's, normally) or an admin's; a
 * customer's own token cannot hold stock for arbitrary order ids.
 */
@Service
@PreAuthorize("hasAnyRole('SERVICE', 'ADMIN')")
class InventoryGrpcService extends InventoryServiceGrpc.InventoryServiceImplBase {

	private final ReservationService reservations;

	private final Counter reserved;

	private final Counter outOfStock;

	InventoryGrpcService(ReservationService reservations, MeterRegistry meters) {
		this.reservations = reservations;
		this.reserved = outcome(meters, "reserved");
		this.outOfStock = outcome(meters, "out_of_stock");
	}

	private static Counter outcome(MeterRegistry meters, String outcome) {
		return Counter.builder("mercato.inventory.reservations")
			.description("Reserve calls answered, by outcome (a repeated call counts again)")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	public void reserve(ReserveRequest request, StreamObserver<ReserveResponse> responseObserver) {
		answer(responseObserver, () -> {
			UUID orderId = uuid("order_id", request.getOrderId());
			List<ReservationLine> lines = request.getLinesList()
				.stream()
				.map((line) -> new ReservationLine(uuid("product_id", line.getProductId()), line.getQuantity()))
				.toList();
			ReserveResult result = this.reservations.reserve(orderId, lines, actor());
			ReserveResponse.Builder response = ReserveResponse.newBuilder();
			(result.reserved() ? this.reserved : this.outOfStock).increment();
			if (result.reserved()) {
				response.setOutcome(ReserveResponse.Outcome.RESERVED)
					.setExpiresAtEpochMs(result.expiresAt().toEpochMilli());
			}
			else {
				response.setOutcome(ReserveResponse.Outcome.OUT_OF_STOCK)
					.addAllUnavailableProductIds(result.unavailableProductIds().stream().map(UUID::toString).toList());
			}
			return response.build();
		});
	}

	@Override
	public void commit(CommitRequest request, StreamObserver<CommitResponse> responseObserver) {
		answer(responseObserver, () -> {
			this.reservations.commit(uuid("order_id", request.getOrderId()), actor());
			return CommitResponse.getDefaultInstance();
		});
	}

	@Override
	public void release(ReleaseRequest request, StreamObserver<ReleaseResponse> responseObserver) {
		answer(responseObserver, () -> {
			String reason = request.getReason().isBlank() ? "released" : request.getReason().strip();
			if (reason.length() > 200) {
				throw new InvalidReservationException("reason is longer than 200 characters");
			}
			this.reservations.release(uuid("order_id", request.getOrderId()), reason, actor());
			return ReleaseResponse.getDefaultInstance();
		});
	}

	private static <T> void answer(StreamObserver<T> responseObserver, Supplier<T> call) {
		responseObserver.onNext(call.get());
		responseObserver.onCompleted();
	}

	private static UUID uuid(String field, String raw) {
		try {
			return UUID.fromString(raw);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidReservationException(field + " is not a UUID: '" + raw + "'");
		}
	}

	// The token's subject: a user id, or service:<name> for a service token.
	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getName() != null) ? authentication.getName() : "unknown";
	}

}
