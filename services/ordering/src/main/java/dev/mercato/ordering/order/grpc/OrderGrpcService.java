package dev.mercato.ordering.order.grpc;

import java.util.UUID;

import dev.mercato.contracts.common.v1.Money;
import dev.mercato.contracts.ordering.v1.GetOrderRequest;
import dev.mercato.contracts.ordering.v1.Order;
import dev.mercato.contracts.ordering.v1.OrderItem;
import dev.mercato.contracts.ordering.v1.OrderServiceGrpc;
import dev.mercato.ordering.order.OrderQueries;
import dev.mercato.ordering.order.OrderView;
import dev.mercato.platform.web.InvalidRequestException;
import dev.mercato.platform.web.NotFoundException;
import io.grpc.stub.StreamObserver;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@code mercato.ordering.v1.OrderService}: one order for internal callers (graphql, with
 * its service token) and admins.
 */
@Service
@PreAuthorize("hasAnyRole('SERVICE', 'ADMIN')")
class OrderGrpcService extends OrderServiceGrpc.OrderServiceImplBase {

	private final OrderQueries queries;

	OrderGrpcService(OrderQueries queries) {
		this.queries = queries;
	}

	@Override
	public void getOrder(GetOrderRequest request, StreamObserver<Order> responseObserver) {
		UUID id;
		try {
			id = UUID.fromString(request.getOrderId());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("INVALID_ORDER_ID",
					"order_id is not a UUID: '" + request.getOrderId() + "'");
		}
		OrderView view = this.queries.find(id)
			.orElseThrow(() -> new NotFoundException("ORDER_NOT_FOUND", "Order " + id + " not found"));
		Order.Builder order = Order.newBuilder()
			.setId(view.id().toString())
			.setUserId(view.userId().toString())
			.setStatus(view.status().name())
			.setTotal(money(view.totalAmount()))
			.setCreatedAtEpochMs(view.createdAt().toEpochMilli());
		if (view.cancellationReason() != null) {
			order.setCancellationReason(view.cancellationReason().name());
		}
		for (OrderView.Item item : view.items()) {
			order.addItems(OrderItem.newBuilder()
				.setProductId(item.productId().toString())
				.setName(item.name())
				.setUnitPrice(money(item.unitPrice()))
				.setQuantity(item.quantity()));
		}
		responseObserver.onNext(order.build());
		responseObserver.onCompleted();
	}

	private static Money money(dev.mercato.ordering.Money.Json json) {
		var money = new dev.mercato.ordering.Money(new java.math.BigDecimal(json.amount()), json.currency());
		return Money.newBuilder().setAmountMinor(money.minor()).setCurrency(money.currency()).build();
	}

}
