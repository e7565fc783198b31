package dev.mercato.catalog.product.grpc;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.mercato.catalog.product.ProductService;
import dev.mercato.catalog.product.ProductStatus;
import dev.mercato.catalog.product.ProductSummary;
import dev.mercato.contracts.catalog.v1.GetProductsRequest;
import dev.mercato.contracts.catalog.v1.GetProductsResponse;
import dev.mercato.contracts.catalog.v1.ProductServiceGrpc;
import dev.mercato.contracts.common.v1.Money;
import dev.mercato.platform.web.InvalidRequestException;
import io.grpc.stub.StreamObserver;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@code mercato.catalog.v1.ProductService}: products by id with their current prices,
 * for ordering (prices confirmed at checkout) and GraphQL (batched look-ups). Read from
 * the database in one query (no entities, no transaction), never from the cache or the
 * index, so a price is the committed one. Callers authenticate with a service token or an
 * admin's.
 */
@Service
@PreAuthorize("hasAnyRole('SERVICE', 'ADMIN')")
class ProductGrpcService extends ProductServiceGrpc.ProductServiceImplBase {

	/** Ids per call: a cart or a GraphQL page, not the whole catalog. */
	static final int MAX_IDS = 500;

	private final ProductService products;

	ProductGrpcService(ProductService products) {
		this.products = products;
	}

	@Override
	public void getProducts(GetProductsRequest request, StreamObserver<GetProductsResponse> responseObserver) {
		if (request.getProductIdsCount() > MAX_IDS) {
			throw new InvalidRequestException("TOO_MANY_PRODUCT_IDS",
					"At most " + MAX_IDS + " product ids per call, got " + request.getProductIdsCount());
		}
		Set<UUID> ids = new LinkedHashSet<>();
		for (String raw : request.getProductIdsList()) {
			try {
				ids.add(UUID.fromString(raw.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidRequestException("INVALID_PRODUCT_ID",
						"product_ids has a value that is not a UUID: '" + raw + "'");
			}
		}
		List<ProductSummary> found = this.products.summaries(ids);
		// in the order asked for; unknown ids are left out
		Map<UUID, ProductSummary> byId = new HashMap<>();
		found.forEach((product) -> byId.put(product.id(), product));
		GetProductsResponse.Builder answer = GetProductsResponse.newBuilder();
		for (UUID id : ids) {
			ProductSummary product = byId.get(id);
			if (product != null) {
				answer.addProducts(toMessage(product));
			}
		}
		responseObserver.onNext(answer.build());
		responseObserver.onCompleted();
	}

	private static dev.mercato.contracts.catalog.v1.Product toMessage(ProductSummary product) {
		return dev.mercato.contracts.catalog.v1.Product.newBuilder()
			.setId(product.id().toString())
			.setSku(product.sku())
			.setName(product.name())
			.setPrice(money(product.price(), product.currency()))
			.setCategoryId(product.categoryId().toString())
			.setSellerId(product.sellerId().toString())
			.setActive(product.status() == ProductStatus.ACTIVE)
			.setImageUrl(product.imageUrl())
			.build();
	}

	static Money money(BigDecimal amount, String currencyCode) {
		int digits = Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
		long minor = amount.movePointRight(digits).longValueExact();
		return Money.newBuilder().setAmountMinor(minor).setCurrency(currencyCode).build();
	}

}
