package dev.mercato.ordering.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.platform.events.EventType;

/**
 * The payloads ordering publishes to {@code order.events} (schemas in contracts:
 * {@code events/schemas/order.*.v1.json}).
 */
public final class OrderEvents {

	private static final String EXCHANGE = "order.events";

	/** {@code mercato.order.created.v1}. */
	public static final EventType<Created> CREATED = new EventType<>(EXCHANGE, "mercato.order.created.v1",
			Created.class);

	/** {@code mercato.order.paid.v1}. */
	public static final EventType<Paid> PAID = new EventType<>(EXCHANGE, "mercato.order.paid.v1", Paid.class);

	/** {@code mercato.order.cancelled.v1}. */
	public static final EventType<Cancelled> CANCELLED = new EventType<>(EXCHANGE, "mercato.order.cancelled.v1",
			Cancelled.class);

	/** {@code mercato.order.shipped.v1}. */
	public static final EventType<Shipped> SHIPPED = new EventType<>(EXCHANGE, "mercato.order.shipped.v1",
			Shipped.class);

	/** {@code mercato.order.delivered.v1}. */
	public static final EventType<Delivered> DELIVERED = new EventType<>(EXCHANGE, "mercato.order.delivered.v1",
			Delivered.class);

	/** {@code mercato.order.refunded.v1}. */
	public static final EventType<Refunded> REFUNDED = new EventType<>(EXCHANGE, "mercato.order.refunded.v1",
			Refunded.class);

	private OrderEvents() {
	}

	/**
	 * An order line in events.
	 *
	 * @param productId product
	 * @param sku SKU
	 * @param name name
	 * @param quantity quantity
	 * @param unitPrice unit price
	 * @param lineTotal price times quantity
	 */
	public record Item(UUID productId, String sku, String name, int quantity, Money.Json unitPrice,
			Money.Json lineTotal) {

		static List<Item> of(Order order) {
			return order.lines()
				.stream()
				.map((line) -> new Item(line.productId(), line.sku(), line.name(), line.quantity(),
						line.unitPrice(order.currency()).json(), line.lineTotal(order.currency()).json()))
				.toList();
		}

	}

	/**
	 * {@code order.created}.
	 *
	 * @param orderId order
	 * @param userId customer
	 * @param totalAmount total
	 * @param items lines
	 * @param shippingAddress address
	 * @param createdAt when
	 */
	public record Created(UUID orderId, UUID userId, Money.Json totalAmount, List<Item> items,
			ShippingAddress shippingAddress, Instant createdAt) {

		public static Created of(Order order) {
			return new Created(order.id(), order.userId(), order.total().json(), Item.of(order),
					order.shippingAddress(), order.createdAt());
		}

	}

	/**
	 * {@code order.paid}.
	 *
	 * @param orderId order
	 * @param userId customer
	 * @param totalAmount total
	 * @param paymentId payment's charge
	 * @param items lines
	 * @param paidAt when
	 */
	public record Paid(UUID orderId, UUID userId, Money.Json totalAmount, String paymentId, List<Item> items,
			Instant paidAt) {

		public static Paid of(Order order) {
			return new Paid(order.id(), order.userId(), order.total().json(), order.paymentId(), Item.of(order),
					order.confirmedAt());
		}

	}

	/**
	 * {@code order.cancelled}.
	 *
	 * @param orderId order
	 * @param userId customer
	 * @param totalAmount total
	 * @param reason why
	 * @param refunded whether a charge was refunded
	 * @param cancelledAt when
	 */
	public record Cancelled(UUID orderId, UUID userId, Money.Json totalAmount, CancellationReason reason,
			boolean refunded, Instant cancelledAt) {

		public static Cancelled of(Order order) {
			return new Cancelled(order.id(), order.userId(), order.total().json(), order.cancellationReason(),
					order.refunded(), order.cancelledAt());
		}

	}

	/**
	 * {@code order.shipped}.
	 *
	 * @param orderId order
	 * @param userId customer
	 * @param totalAmount total
	 * @param carrier carrier
	 * @param trackingNumber tracking number
	 * @param shippedAt when
	 */
	public record Shipped(UUID orderId, UUID userId, Money.Json totalAmount, String carrier, String trackingNumber,
			Instant shippedAt) {

		public static Shipped of(Order order) {
			return new Shipped(order.id(), order.userId(), order.total().json(), order.carrier(),
					order.trackingNumber(), order.shippedAt());
		}

	}

	/**
	 * {@code order.delivered}.
	 *
	 * @param orderId order
	 * @param userId customer
	 * @param totalAmount total
	 * @param deliveredAt when
	 */
	public record Delivered(UUID orderId, UUID userId, Money.Json totalAmount, Instant deliveredAt) {

		public static Delivered of(Order order) {
			return new Delivered(order.id(), order.userId(), order.total().json(), order.deliveredAt());
		}

	}

	/**
	 * {@code order.refunded}.
	 *
	 * @param orderId order
	 * @param userId customer
	 * @param totalAmount total
	 * @param refundedAmount what payment refunded in all
	 * @param refundedAt when
	 */
	public record Refunded(UUID orderId, UUID userId, Money.Json totalAmount, Money.Json refundedAmount,
			Instant refundedAt) {

	}

}
