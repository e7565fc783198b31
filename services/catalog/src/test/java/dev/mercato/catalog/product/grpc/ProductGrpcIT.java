package dev.mercato.catalog.product.grpc;

import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.CatalogITSupport;
import dev.mercato.contracts.catalog.v1.GetProductsRequest;
import dev.mercato.contracts.catalog.v1.GetProductsResponse;
import dev.mercato.contracts.catalog.v1.Product;
import dev.mercato.contracts.catalog.v1.ProductServiceGrpc;
import dev.mercato.platform.test.IsolatedInfrastructure;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code GetProducts} as ordering and GraphQL call it: with a service token, current
 * prices in minor units, unknown ids left out, bad ids and bad callers refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@IsolatedInfrastructure
class ProductGrpcIT extends CatalogITSupport {

	@Autowired
	GrpcServerLifecycle grpcServer;

	ManagedChannel channel;

	UUID leaf;

	@BeforeEach
	void connect() {
		this.channel = ManagedChannelBuilder.forAddress("localhost", this.grpcServer.getPort()).usePlaintext().build();
		this.leaf = category("Kitchen", null);
	}

	@AfterEach
	void disconnect() {
		this.channel.shutdownNow();
	}

	@Test
	void productsByIdWithCurrentPricesUnknownOnesLeftOut() {
		UUID mug = create("GRPC-MUG-" + suffix(), "Mug", "12.34");
		UUID pan = create("GRPC-PAN-" + suffix(), "Pan", "1049.00");
		String panSku = get("/api/products/" + pan, null).getBody().get("sku").asString();
		call(HttpMethod.PUT, "/api/products/" + pan, sellerToken(), product(panSku, "Pan", "", "999.50", this.leaf));
		call(HttpMethod.DELETE, "/api/products/" + mug, sellerToken(), null);

		GetProductsResponse response = stub(JWT.serviceToken("ordering")).getProducts(GetProductsRequest.newBuilder()
			.addProductIds(pan.toString())
			.addProductIds(UUID.randomUUID().toString())
			.addProductIds(mug.toString())
			.build());

		List<Product> products = response.getProductsList();
		assertThat(products).extracting(Product::getId).containsExactly(pan.toString(), mug.toString());
		Product first = products.getFirst();
		assertThat(first.getPrice().getAmountMinor()).isEqualTo(99_950L);
		assertThat(first.getPrice().getCurrency()).isEqualTo("USD");
		assertThat(first.getSku()).isEqualTo(panSku);
		assertThat(first.getSellerId()).isEqualTo(this.seller.toString());
		assertThat(first.getCategoryId()).isEqualTo(this.leaf.toString());
		assertThat(first.getActive()).isTrue();
		assertThat(first.getImageUrl()).isEqualTo("/api/products/" + pan + "/image");
		assertThat(products.get(1).getActive()).isFalse();
		assertThat(products.get(1).getPrice().getAmountMinor()).isEqualTo(1234L);

		assertThat(stub(JWT.token(this.admin, "ADMIN")).getProducts(GetProductsRequest.getDefaultInstance())
			.getProductsCount()).isZero();
	}

	@Test
	void badIdsAndBadCallersAreRefused() {
		assertStatus(
				() -> stub(JWT.serviceToken("ordering"))
					.getProducts(GetProductsRequest.newBuilder().addProductIds("not-a-uuid").build()),
				Status.Code.INVALID_ARGUMENT);
		GetProductsRequest.Builder tooMany = GetProductsRequest.newBuilder();
		for (int i = 0; i <= ProductGrpcService.MAX_IDS; i++) {
			tooMany.addProductIds(UUID.randomUUID().toString());
		}
		assertStatus(() -> stub(JWT.serviceToken("ordering")).getProducts(tooMany.build()),
				Status.Code.INVALID_ARGUMENT);
		assertStatus(() -> stub(customerToken()).getProducts(GetProductsRequest.getDefaultInstance()),
				Status.Code.PERMISSION_DENIED);
		assertStatus(() -> stub(null).getProducts(GetProductsRequest.getDefaultInstance()),
				Status.Code.UNAUTHENTICATED);
	}

	private static void assertStatus(Runnable call, Status.Code code) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(code));
	}

	private ProductServiceGrpc.ProductServiceBlockingStub stub(String token) {
		ProductServiceGrpc.ProductServiceBlockingStub stub = ProductServiceGrpc.newBlockingStub(this.channel);
		if (token == null) {
			return stub;
		}
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	private UUID create(String sku, String name, String amount) {
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/products", sellerToken(),
				product(sku, name, "", amount, this.leaf));
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		return UUID.fromString(created.getBody().get("id").asString());
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
