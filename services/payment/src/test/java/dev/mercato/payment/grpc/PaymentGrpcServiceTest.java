package dev.mercato.payment.grpc;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.mercato.contracts.payment.v1.ChargeRequest;
import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.payment.PaymentGrpcClient;
import dev.mercato.payment.PaymentStateException;
import dev.mercato.payment.PaymentUnavailableException;
import dev.mercato.payment.charge.ChargeService;
import dev.mercato.payment.refund.RefundService;
import dev.mercato.platform.web.NotFoundException;
import dev.mercato.platform.web.grpc.GrpcErrors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * How failures of a charge reach the saga: retryable ones as UNAVAILABLE, the rest as the
 * precise status, never as UNKNOWN.
 */
class PaymentGrpcServiceTest {

	final ChargeService charges = mock(ChargeService.class);

	final PaymentGrpcService service = new PaymentGrpcService(this.charges, mock(RefundService.class));

	@Test
	void databaseOutagesAndLostLockRacesAreUnavailable() {
		willThrow(new CannotGetJdbcConnectionException("down")).given(this.charges).charge(any());
		assertThat(chargeStatus()).isEqualTo(Status.Code.UNAVAILABLE);
		willThrow(new CannotAcquireLockException("deadlock")).given(this.charges).charge(any());
		assertThat(chargeStatus()).isEqualTo(Status.Code.UNAVAILABLE);
	}

	@Test
	void aProviderOutageIsUnavailable() {
		willThrow(new PaymentUnavailableException("provider down")).given(this.charges).charge(any());
		assertThat(chargeStatus()).isEqualTo(Status.Code.UNAVAILABLE);
	}

	@Test
	void stateAndLookupFailuresKeepTheirMeaning() {
		willThrow(new PaymentStateException("ORDER_ALREADY_CHARGED", "x")).given(this.charges).charge(any());
		assertThat(chargeStatus()).isEqualTo(Status.Code.FAILED_PRECONDITION);
		willThrow(new NotFoundException("PAYMENT_METHOD_NOT_FOUND", "x")).given(this.charges).charge(any());
		assertThat(chargeStatus()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void malformedRequestsAreInvalidWithoutCallingTheService() {
		Recorder recorder = new Recorder();
		recorder.answer(() -> this.service.charge(ChargeRequest.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.setUserId("42")
			.setAmount(PaymentGrpcClient.usd(100))
			.setToken("tok_1")
			.build(), recorder));
		assertThat(recorder.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		Recorder noAmount = new Recorder();
		noAmount.answer(() -> this.service.charge(ChargeRequest.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.setUserId(UUID.randomUUID().toString())
			.setToken("tok_1")
			.build(), noAmount));
		assertThat(noAmount.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		org.mockito.Mockito.verifyNoInteractions(this.charges);
	}

	private Status.Code chargeStatus() {
		Recorder recorder = new Recorder();
		recorder.answer(() -> this.service.charge(ChargeRequest.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.setUserId(UUID.randomUUID().toString())
			.setAmount(PaymentGrpcClient.usd(100))
			.setToken("tok_1")
			.build(), recorder));
		return recorder.status();
	}

	static class Recorder implements StreamObserver<ChargeResponse> {

		final AtomicReference<Throwable> error = new AtomicReference<>();

		boolean completed;

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
		public void onNext(ChargeResponse value) {
		}

		@Override
		public void onError(Throwable t) {
			this.error.set(t);
		}

		@Override
		public void onCompleted() {
			this.completed = true;
		}

		Status.Code status() {
			return (this.error.get() != null) ? Status.fromThrowable(this.error.get()).getCode() : Status.Code.OK;
		}

	}

}
