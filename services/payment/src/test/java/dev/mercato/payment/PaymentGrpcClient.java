package dev.mercato.payment;

import java.util.UUID;

import dev.mercato.contracts.common.v1.Money;
import dev.mercato.contracts.payment.v1.ChargeRequest;
import dev.mercato.contracts.payment.v1.ChargeResponse;
import dev.mercato.contracts.payment.v1.PaymentServiceGrpc;
import dev.mercato.contracts.payment.v1.RefundRequest;
import dev.mercato.contracts.payment.v1.RefundResponse;
import dev.mercato.platform.test.TestJwtIssuer;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/**
 * Calls the payment gRPC API as ordering does: with a service token.
 */
public final class PaymentGrpcClient implements AutoCloseable {

	private final ManagedChannel channel;

	private final PaymentServiceGrpc.PaymentServiceBlockingStub stub;

	public PaymentGrpcClient(int port) {
		this(port, TestJwtIssuer.shared().serviceToken("ordering"));
	}

	public PaymentGrpcClient(int port, String token) {
		this.channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
		PaymentServiceGrpc.PaymentServiceBlockingStub stub = PaymentServiceGrpc.newBlockingStub(this.channel);
		if (token != null) {
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
			stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
		}
		this.stub = stub;
	}

	public ChargeResponse chargeToken(UUID orderId, UUID userId, long cents, String token) {
		return this.stub.charge(ChargeRequest.newBuilder()
			.setOrderId(orderId.toString())
			.setUserId(userId.toString())
			.setAmount(usd(cents))
			.setToken(token)
			.build());
	}

	public ChargeResponse chargeMethod(UUID orderId, UUID userId, long cents, UUID methodId) {
		return this.stub.charge(ChargeRequest.newBuilder()
			.setOrderId(orderId.toString())
			.setUserId(userId.toString())
			.setAmount(usd(cents))
			.setMethodId(methodId.toString())
			.build());
	}

	public ChargeResponse charge(ChargeRequest request) {
		return this.stub.charge(request);
	}

	public RefundResponse refund(String key, String paymentId, long cents) {
		RefundRequest.Builder request = RefundRequest.newBuilder()
			.setRefundRequestId(key)
			.setPaymentId(paymentId)
			.setReason("test");
		if (cents > 0) {
			request.setAmount(usd(cents));
		}
		return this.stub.refund(request.build());
	}

	public static Money usd(long cents) {
		return Money.newBuilder().setAmountMinor(cents).setCurrency("USD").build();
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
	}

}
