package dev.mercato.ordering.order.messaging;

import java.math.BigDecimal;

import dev.mercato.ordering.Money;
import dev.mercato.ordering.order.OrderService;
import dev.mercato.platform.events.EventHandler;
import dev.mercato.platform.events.MalformedEventException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentEventsConfiguration {

	// A full refund of a paid order (an admin refund in payment) makes it REFUNDED; the
	// refunds of ordering's own compensations arrive too and leave the CANCELLED order
	// alone. The inbox makes a redelivery a no-op.
	@Bean
	EventHandler<PaymentRefundedV1> refundOrder(OrderService orders) {
		return EventHandler.of("payment-events", PaymentRefundedV1.TYPE, PaymentRefundedV1.class, (refund, event) -> {
			if (refund == null || refund.orderId() == null || refund.fullyRefunded() == null) {
				throw new MalformedEventException(
						"payment.refunded " + event.id() + " needs orderId and fullyRefunded");
			}
			if (!refund.fullyRefunded()) {
				return;
			}
			Money.Json total = (refund.totalRefunded() != null) ? refund.totalRefunded() : refund.amount();
			if (total == null) {
				throw new MalformedEventException("payment.refunded " + event.id() + " carries no amount");
			}
			Money refunded;
			try {
				refunded = new Money(new BigDecimal(total.amount()), total.currency());
			}
			catch (RuntimeException ex) {
				throw new MalformedEventException("payment.refunded " + event.id() + " has a malformed amount");
			}
			orders.paymentFullyRefunded(refund.orderId(), refunded);
		});
	}

}
