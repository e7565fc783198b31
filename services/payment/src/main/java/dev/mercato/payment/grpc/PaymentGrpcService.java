package dev.mercato.payment.grpc;

import java.util.UUID;
import java.util.function.Supplier;

import dev.mercato.contracts.common.v1.Money;
import dev.mercato.contracts.payment.v1.ChargeRequest;
import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.contracts.payment.v1.PaymentServiceGrpc;
import dev.mercato.contracts.payment.v1.RefundRequest;
import dev.mercato.contracts.payment.v1.RefundResponse;
import dev.mercato.payment.InvalidPaymentRequestException;
import dev.mercato.payment.charge.ChargeService;
import dev.mercato.payment.charge.ChargeService.ChargeCommand;
import dev.mercato.payment.charge.Payment;
import dev.mercato.payment.refund.Refund;
import dev.mercato.payment.refund.RefundService;
import dev.mercato.payment.refund.RefundService.RefundCommand;
import io.grpc.stub.StreamObserver;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * {@code mercato.payment.v1.PaymentService}: the checkout saga's money steps, for a
 * service token (ordering's) or an admin. A decline is an outcome, not an error; errors
 * are thrown and mapped by platform-web's {@code GrpcErrors}: INVALID_ARGUMENT (bad
 * input), NOT_FOUND (unknown payment or method), FAILED_PRECONDITION (refund above what
 * is left, key reused), UNAVAILABLE (provider or database down: retry with the same key).
 */
@Service
@PreAuthorize("hasAnyRole('SERVICE', 'ADMIN')")
class PaymentGrpcService extends PaymentServiceGrpc.PaymentServiceImplBase {

	private final ChargeService charges;

	private final RefundService refunds;

	PaymentGrpcService(ChargeService charges, RefundService refunds) {
		this.charges = charges;
		this.refunds = refunds;
	}

	@Override
	public void charge(ChargeRequest request, StreamObserver<ChargeResponse> responseObserver) {
		answer(responseObserver, () -> {
			UUID orderId = uuid("order_id", request.getOrderId());
			UUID userId = uuid("user_id", request.getUserId());
			if (!request.hasAmount()) {
				throw new InvalidPaymentRequestException("INVALID_AMOUNT", "amount is required");
			}
			dev.mercato.payment.Money amount = money(request.getAmount());
			UUID methodId = request.hasMethodId() ? uuid("method_id", request.getMethodId()) : null;
			String token = request.hasToken() ? request.getToken() : null;
			Payment payment = this.charges.charge(new ChargeCommand(orderId, userId, amount, methodId, token));
			ChargeResponse.Builder response = ChargeResponse.newBuilder().setPaymentId(payment.id().toString());
			switch (payment.status()) {
				case CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> response.setOutcome(ChargeResponse.Outcome.CAPTURED);
				case INSUFFICIENT_FUNDS -> response.setOutcome(ChargeResponse.Outcome.INSUFFICIENT_FUNDS)
					.setFailureReason(nonNull(payment.failureMessage()));
				default -> response.setOutcome(ChargeResponse.Outcome.DECLINED)
					.setFailureReason(nonNull(payment.failureMessage()));
			}
			return response.build();
		});
	}

	@Override
	public void refund(RefundRequest request, StreamObserver<RefundResponse> responseObserver) {
		answer(responseObserver, () -> {
			UUID paymentId = uuid("payment_id", request.getPaymentId());
			dev.mercato.payment.Money amount = request.hasAmount() && request.getAmount().getAmountMinor() != 0
					? money(request.getAmount()) : null;
			Refund refund = this.refunds.refund(
					new RefundCommand(request.getRefundRequestId(), paymentId, amount, request.getReason(), actor()));
			return RefundResponse.newBuilder()
				.setRefundId(refund.id().toString())
				.setRefunded(Money.newBuilder()
					.setAmountMinor(refund.amount().minorUnits())
					.setCurrency(refund.amount().currency()))
				.build();
		});
	}

	private static <T> void answer(StreamObserver<T> responseObserver, Supplier<T> call) {
		responseObserver.onNext(call.get());
		responseObserver.onCompleted();
	}

	private static dev.mercato.payment.Money money(Money money) {
		try {
			dev.mercato.payment.Money result = dev.mercato.payment.Money.ofMinor(money.getAmountMinor(),
					money.getCurrency());
			if (!result.isPositive()) {
				throw new InvalidPaymentRequestException("INVALID_AMOUNT", "amount must be positive");
			}
			return result;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPaymentRequestException("INVALID_AMOUNT", "amount: " + ex.getMessage());
		}
	}

	private static UUID uuid(String field, String raw) {
		try {
			return UUID.fromString(raw);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPaymentRequestException("INVALID_ID", field + " is not a UUID");
		}
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getName() != null) ? authentication.getName() : "unknown";
	}

}
