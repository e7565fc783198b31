package dev.mercato.payment.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.payment.Money;
import dev.mercato.payment.charge.ChargeService.PaymentView;
import dev.mercato.payment.charge.Payment;
import dev.mercato.payment.charge.Payments;
import dev.mercato.payment.refund.Refund;
import dev.mercato.payment.refund.web.RefundResponse;

/**
 * A payment with its transactions and refunds, as the REST API shows it.
 */
record PaymentResponse(UUID id, UUID orderId, UUID userId, Money.Json amount, String status, String provider,
		Money.Json refundedAmount, String failureCode, String failureMessage, List<TransactionResponse> transactions,
		List<RefundResponse> refunds, Instant createdAt, Instant updatedAt) {

	static PaymentResponse of(PaymentView view, List<Refund> refunds) {
		Payment payment = view.payment();
		return new PaymentResponse(payment.id(), payment.orderId(), payment.userId(), payment.amount().json(),
				payment.status().name(), payment.provider(), payment.refunded().json(), payment.failureCode(),
				payment.failureMessage(), view.transactions().stream().map(TransactionResponse::of).toList(),
				refunds.stream().map(RefundResponse::of).toList(), payment.createdAt(), payment.updatedAt());
	}

	record TransactionResponse(String type, String status, Money.Json amount, String providerReference, String detail,
			Instant createdAt) {

		static TransactionResponse of(Payments.Transaction transaction) {
			return new TransactionResponse(transaction.type(), transaction.status(), transaction.amount().json(),
					transaction.providerReference(), transaction.detail(), transaction.createdAt());
		}

	}

}
