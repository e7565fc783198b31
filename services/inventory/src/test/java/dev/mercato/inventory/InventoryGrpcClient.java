package dev.mercato.inventory;

import java.util.Arrays;
import java.util.UUID;

import dev.mercato.contracts.inventory.v1.CommitRequest;
import dev.mercato.contracts.inventory.v1.InventoryServiceGrpc;
import dev.mercato.contracts.inventory.v1.ReleaseRequest;
import dev.mercato.contracts.inventory.v1.ReserveLine;
import dev.mercato.contracts.inventory.v1.ReserveRequest;
import dev.mercato.contracts.inventory.v1.ReserveResponse;
import dev.mercato.platform.test.TestJwtIssuer;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/**
 * Calls the inventory gRPC API of a test's server as ordering does: with a service token.
 */
public final class InventoryGrpcClient implements AutoCloseable {

	private final ManagedChannel channel;

	private final InventoryServiceGrpc.InventoryServiceBlockingStub stub;

	public InventoryGrpcClient(int port) {
		this(port, TestJwtIssuer.shared().serviceToken("ordering"));
	}

	public InventoryGrpcClient(int port, String token) {
		this.channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
		InventoryServiceGrpc.InventoryServiceBlockingStub stub = InventoryServiceGrpc.newBlockingStub(this.channel);
		if (token != null) {
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
			stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
		}
		this.stub = stub;
	}

	/**
	 * Reserves one unit of each product (repeat a product for more).
	 */
	public ReserveResponse reserve(UUID orderId, UUID... products) {
		ReserveRequest.Builder request = ReserveRequest.newBuilder().setOrderId(orderId.toString());
		Arrays.stream(products)
			.forEach((product) -> request
				.addLines(ReserveLine.newBuilder().setProductId(product.toString()).setQuantity(1)));
		return this.stub.reserve(request.build());
	}

	public ReserveResponse reserve(ReserveRequest request) {
		return this.stub.reserve(request);
	}

	public void commit(UUID orderId) {
		this.stub.commit(CommitRequest.newBuilder().setOrderId(orderId.toString()).build());
	}

	public void release(UUID orderId) {
		this.stub
			.release(ReleaseRequest.newBuilder().setOrderId(orderId.toString()).setReason("payment failed").build());
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
	}

}
