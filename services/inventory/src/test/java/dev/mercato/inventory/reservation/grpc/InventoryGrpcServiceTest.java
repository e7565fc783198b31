package dev.mercato.inventory.reservation.grpc;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.mercato.contracts.inventory.v1.CommitRequest;
import dev.mercato.contracts.inventory.v1.CommitResponse;
import dev.mercato.inventory.reservation.ReservationService;
import dev.mercato.platform.web.grpc.GrpcErrors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/**
 * Database failures reach the saga as UNAVAILABLE (retry), not as an unknown error.
 */
class InventoryGrpcServiceTest {

	final ReservationService reservations = mock(ReservationService.class);

	final InventoryGrpcService service = new InventoryGrpcService(this.reservations, new SimpleMeterRegistry());

	@Test
	void aDatabaseOutageIsUnavailable() {
		doThrow(new CannotGetJdbcConnectionException("down")).when(this.reservations).commit(any(), anyString());
		assertThat(commitStatus()).isEqualTo(Status.Code.UNAVAILABLE);
	}

	@Test
	void aLostLockRaceIsUnavailable() {
		doThrow(new CannotAcquireLockException("deadlock")).when(this.reservations).commit(any(), anyString());
		assertThat(commitStatus()).isEqualTo(Status.Code.UNAVAILABLE);
	}

	@Test
	void anOrderIdThatIsNoUuidIsInvalid() {
		Recorder recorder = new Recorder();
		recorder.answer(() -> this.service.commit(CommitRequest.newBuilder().setOrderId("42").build(), recorder));
		assertThat(recorder.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
	}

	private Status.Code commitStatus() {
		Recorder recorder = new Recorder();
		recorder.answer(() -> this.service
			.commit(CommitRequest.newBuilder().setOrderId(UUID.randomUUID().toString()).build(), recorder));
		return recorder.status();
	}

	static class Recorder implements StreamObserver<CommitResponse> {

		final AtomicReference<Throwable> error = new AtomicReference<>();

		// as Spring gRPC's exception interceptor does with what the handler throws
		void answer(Runnable call) {
			try {
				call.run();
			}
			catch (RuntimeException ex) {
				onError(new GrpcErrors().handleException(ex));
			}
		}

		@Override
		public void onNext(CommitResponse value) {
		}

		@Override
		public void onError(Throwable t) {
			this.error.set(t);
		}

		@Override
		public void onCompleted() {
		}

		Status.Code status() {
			return Status.fromThrowable(this.error.get()).getCode();
		}

	}

}
