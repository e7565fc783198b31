package dev.mercato.ordering.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.ordering.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The order's state machine and saga bookkeeping, without Spring.
 */
class OrderTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void placingComputesTheTotalAndStartsTheSagaAtReserve() {
		Order order = order();

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.sagaStep()).isEqualTo(SagaStep.RESERVE);
		assertThat(order.total()).isEqualTo(new Money(new java.math.BigDecimal("64.99"), "USD"));
	}

	@Test
	void theHappyPathEndsConfirmedAndForgetsTheToken() {
		Order order = order();
		order.stockReserved(NOW.plus(Duration.ofMinutes(15)), NOW);
		order.paymentCaptured("pay_1", NOW);
		order.confirm(NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.sagaStep()).isEqualTo(SagaStep.DONE);
		assertThat(order.payment()).isNull();
		assertThat(order.paymentId()).isEqualTo("pay_1");
	}

	@Test
	void stepsOutOfOrderAreRefused() {
		Order order = order();

		assertThatExceptionOfType(IllegalOrderTransitionException.class).isThrownBy(() -> order.confirm(NOW));
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> order.paymentCaptured("pay", NOW));
		assertThatExceptionOfType(IllegalOrderTransitionException.class).isThrownBy(() -> order.ship("DHL", "1", NOW));
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> order.cancel(CancellationReason.CUSTOMER_REQUEST, NOW, NOW));
	}

	@Test
	void outOfStockNeedsNoReleaseButADeclineAfterReserveDoes() {
		Order outOfStock = order();
		outOfStock.failCheckout(CancellationReason.OUT_OF_STOCK, NOW);
		outOfStock.cancelled(NOW);
		assertThat(outOfStock.status()).isEqualTo(OrderStatus.CANCELLED);

		Order declined = order();
		declined.stockReserved(NOW.plusSeconds(900), NOW);
		declined.failCheckout(CancellationReason.PAYMENT_DECLINED, NOW);
		assertThatExceptionOfType(IllegalOrderTransitionException.class).isThrownBy(() -> declined.cancelled(NOW));
		declined.stockReleased(NOW);
		declined.cancelled(NOW);
		assertThat(declined.refunded()).isFalse();
		assertThat(declined.cancellationReason()).isEqualTo(CancellationReason.PAYMENT_DECLINED);
	}

	@Test
	void aCancelledPaidOrderMustBeRefundedFirst() {
		Order order = confirmed();
		order.cancel(CancellationReason.CUSTOMER_REQUEST, NOW, NOW.plusSeconds(20));
		order.stockReleased(NOW);

		assertThat(order.needsRefund()).isTrue();
		assertThatExceptionOfType(IllegalOrderTransitionException.class).isThrownBy(() -> order.cancelled(NOW));
		order.chargeRefunded("re_1", NOW);
		order.cancelled(NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.refunded()).isTrue();
	}

	@Test
	void aTimeoutWhileChargingLeavesTheChargeToBeFoundOut() {
		Order order = order();
		order.stockReserved(NOW.plusSeconds(900), NOW);
		order.failCheckout(CancellationReason.TIMEOUT, NOW);
		order.stockReleased(NOW);

		assertThat(order.chargeOutcomeUnknown()).isTrue();
		assertThatExceptionOfType(IllegalOrderTransitionException.class).isThrownBy(() -> order.cancelled(NOW));
		order.chargeFound("pay_2", NOW);
		order.chargeRefunded("re_2", NOW);
		order.cancelled(NOW);
		assertThat(order.refunded()).isTrue();
	}

	@Test
	void shippingDeliveryAndRefundsFollowTheLifecycle() {
		Order order = confirmed();
		order.ship("DHL", "123", NOW);
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> order.cancel(CancellationReason.CUSTOMER_REQUEST, NOW, NOW));
		order.deliver(NOW);
		assertThatExceptionOfType(IllegalOrderTransitionException.class).isThrownBy(() -> order.deliver(NOW));
		assertThat(order.markRefunded(order.total(), NOW)).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(order.markRefunded(order.total(), NOW)).isFalse();
		Order pending = order();
		assertThat(pending.markRefunded(pending.total(), NOW)).isFalse();
	}

	@Test
	void eachTransitionRegistersItsEvent() {
		Order order = confirmed();
		order.ship("DHL", "123", NOW);
		order.deliver(NOW);
		order.markRefunded(order.total(), NOW);
		assertThat(order.events().pull()).extracting((event) -> event.type().type())
			.containsExactly("mercato.order.created.v1", "mercato.order.paid.v1", "mercato.order.shipped.v1",
					"mercato.order.delivered.v1", "mercato.order.refunded.v1");
		assertThat(order.events().pull()).isEmpty();
	}

	@Test
	void onlyForwardStepsTimeOut() {
		Order order = order();
		assertThat(order.isOverdue(NOW.plus(Duration.ofMinutes(4)))).isFalse();
		assertThat(order.isOverdue(NOW.plus(Duration.ofMinutes(6)))).isTrue();
		order.failCheckout(CancellationReason.TIMEOUT, NOW);
		assertThat(order.isOverdue(NOW.plus(Duration.ofMinutes(6)))).isFalse();
	}

	private static Order confirmed() {
		Order order = order();
		order.stockReserved(NOW.plusSeconds(900), NOW);
		order.paymentCaptured("pay_1", NOW);
		order.confirm(NOW);
		return order;
	}

	private static Order order() {
		List<OrderLine> lines = List.of(
				new OrderLine(UUID.randomUUID(), "MUG", "Mug", 2, new Money(new java.math.BigDecimal("12.50"), "USD")),
				new OrderLine(UUID.randomUUID(), "LAMP", "Lamp", 1,
						new Money(new java.math.BigDecimal("39.99"), "USD")));
		return Order.place(UUID.randomUUID(), UUID.randomUUID(), lines, "USD",
				new ShippingAddress("Ada", "1 Way", null, "London", "N1", "GB"), new PaymentInstruction(null, "tok"),
				true, null, null, NOW, NOW.plus(Duration.ofMinutes(5)), NOW.plusSeconds(20));
	}

}
