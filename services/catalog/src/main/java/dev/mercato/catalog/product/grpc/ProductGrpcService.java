package dev.mercato.catalog.product.grpc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.mercato.catalog.product.Product;
import dev.mercato.catalog.product.ProductService;
import dev.mercato.catalog.product.ProductStatus;
import dev.mercato.catalog.product.ProductView;
import dev.mercato.contracts.catalog.v1.GetProductsRequest;
import dev.mercato.contracts.catalog.v1.GetProductsResponse;
import dev.mercato.contracts.catalog.v1.ProductServiceGrpc;
import dev.mercato.contracts.common.v1.Money;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * {@code mercato.catalog.v1.ProductService}: products by id with their current prices,
 * for ordering (prices confirmed at checkout) and GraphQL (batched look-ups). Read from
 * the database, never from the cache or the index, so a price is the committed one.
 * Callers authenticate with a service token or an admin's.
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
			responseObserver.onError(Status.INVALID_ARGUMENT
				.withDescription("At most " + MAX_IDS + " product ids per call, got " + request.getProductIdsCount())
				.asRuntimeException());
			return;
		}
		Set<UUID> ids = new LinkedHashSet<>();
		for (String raw : request.getProductIdsList()) {
			try {
				ids.add(UUID.fromString(raw.strip()));
			}
			catch (IllegalArgumentException ex) {
				responseObserver.onError(Status.INVALID_ARGUMENT
					.withDescription("product_ids has a value that is not a UUID: '" + raw + "'")
					.asRuntimeException());
				return;
			}
		}
		List<Product> found;
		try {
			found = this.products.getAll(ids);
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException
				| CannotCreateTransactionException ex) {
			responseObserver.onError(Status.UNAVAILABLE.withDescription("Catalog cannot reach its database right now")
				.withCause(ex)
				.asRuntimeException());
			return;
		}
		// in the order asked for; unknown ids are left out
		Map<UUID, Product> byId = new LinkedHashMap<>();
		found.forEach((product) -> byId.put(product.getId(), product));
		List<dev.mercato.contracts.catalog.v1.Product> answer = new ArrayList<>();
		for (UUID id : ids) {
			Product product = byId.get(id);
			if (product != null) {
				answer.add(toMessage(this.products.view(product), product.getStatus()));
			}
		}
		responseObserver.onNext(GetProductsResponse.newBuilder().addAllProducts(answer).build());
		responseObserver.onCompleted();
	}

	private static dev.mercato.contracts.catalog.v1.Product toMessage(ProductView view, ProductStatus status) {
		return dev.mercato.contracts.catalog.v1.Product.newBuilder()
			.setId(view.id().toString())
			.setSku(view.sku())
			.setName(view.name())
			.setPrice(money(new BigDecimal(view.price().amount()), view.price().currency()))
			.setCategoryId(view.category().id().toString())
			.setSellerId(view.sellerId().toString())
			.setActive(status == ProductStatus.ACTIVE)
			.setImageUrl(view.imageUrl())
			.build();
	}

	static Money money(BigDecimal amount, String currencyCode) {
		int digits = Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
		long minor = amount.movePointRight(digits).longValueExact();
		return Money.newBuilder().setAmountMinor(minor).setCurrency(currencyCode).build();
	}

}
