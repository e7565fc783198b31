package dev.mercato.notification.trigger;

import java.net.URI;
import java.util.HashSet;
import java.util.List;

import dev.mercato.notification.NotificationProperties;
import dev.mercato.notification.delivery.NotificationRequests;
import dev.mercato.notification.event.EventKey;
import dev.mercato.notification.event.InventoryLowStockV1;
import dev.mercato.notification.event.Models;
import dev.mercato.notification.event.OrderCancelledV1;
import dev.mercato.notification.event.OrderCreatedV1;
import dev.mercato.notification.event.OrderPaidV1;
import dev.mercato.notification.event.OrderShippedV1;
import dev.mercato.notification.event.PasswordResetRequestedV1;
import dev.mercato.notification.event.PaymentRefundedV1;
import dev.mercato.notification.event.UserCreatedV1;
import dev.mercato.notification.event.UserUpdatedV1;
import dev.mercato.notification.recipient.Recipient;
import dev.mercato.notification.recipient.Recipients;
import dev.mercato.platform.events.EventHandler;
import dev.mercato.platform.events.MalformedEventException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events that cause notifications. Each handler runs in the consumer's transaction
 * with the inbox insert (a redelivered event is skipped), and the notifications table's
 * unique (event, channel, user) keeps a second copy from queueing a second message.
 */
@Configuration(proxyBeanMethods = false)
class EventTriggers {

	private static final Logger log = LoggerFactory.getLogger(EventTriggers.class);

	private final NotificationRequests requests;

	private final Recipients recipients;

	private final URI shop;

	EventTriggers(NotificationRequests requests, Recipients recipients, NotificationProperties properties) {
		this.requests = requests;
		this.recipients = recipients;
		this.shop = properties.publicUrl();
	}

	@Bean
	EventHandler<UserCreatedV1> welcome() {
		return EventHandler.of("user-events", UserCreatedV1.TYPE, (user, event) -> {
			require(user != null && user.userId() != null && user.email() != null && user.firstName() != null,
					"user.created " + event.id() + " needs userId, email and firstName");
			this.recipients.saveIfAbsent(new Recipient(user.userId(), user.email(), user.firstName(), user.lastName(),
					null, new HashSet<>((user.roles() != null) ? user.roles() : List.of())));
			this.requests.request(event.id(), EventKey.USER_CREATED, user.userId(), user.email(),
					Models.of(user, this.shop));
		});
	}

	@Bean
	EventHandler<UserUpdatedV1> replicateUser() {
		return EventHandler.of("user-events", UserUpdatedV1.TYPE, (user, event) -> {
			require(user != null && user.userId() != null && user.email() != null && user.firstName() != null,
					"user.updated " + event.id() + " needs userId, email and firstName");
			this.recipients.save(new Recipient(user.userId(), user.email(), user.firstName(), user.lastName(),
					blankToNull(user.phone()), new HashSet<>((user.roles() != null) ? user.roles() : List.of())));
		});
	}

	@Bean
	EventHandler<PasswordResetRequestedV1> passwordReset() {
		return EventHandler.of("user-events", PasswordResetRequestedV1.TYPE, (reset, event) -> {
			require(reset != null && reset.userId() != null && reset.email() != null && reset.resetToken() != null,
					"user.password_reset_requested " + event.id() + " needs userId, email and resetToken");
			this.requests.request(event.id(), EventKey.PASSWORD_RESET_REQUESTED, reset.userId(), reset.email(),
					Models.of(reset, this.shop));
		});
	}

	@Bean
	EventHandler<OrderCreatedV1> orderReceived() {
		return EventHandler.of("order-events", OrderCreatedV1.TYPE, (order, event) -> {
			require(order != null && order.orderId() != null && order.userId() != null && order.totalAmount() != null,
					"order.created " + event.id() + " needs orderId, userId and totalAmount");
			this.requests.request(event.id(), EventKey.ORDER_CREATED, order.userId(), null,
					Models.of(order, this.shop));
		});
	}

	@Bean
	EventHandler<OrderPaidV1> orderConfirmed() {
		return EventHandler.of("order-events", OrderPaidV1.TYPE, (order, event) -> {
			require(order != null && order.orderId() != null && order.userId() != null && order.totalAmount() != null,
					"order.paid " + event.id() + " needs orderId, userId and totalAmount");
			this.requests.request(event.id(), EventKey.ORDER_PAID, order.userId(), null, Models.of(order, this.shop));
		});
	}

	@Bean
	EventHandler<OrderShippedV1> orderShipped() {
		return EventHandler.of("order-events", OrderShippedV1.TYPE, (order, event) -> {
			require(order != null && order.orderId() != null && order.userId() != null,
					"order.shipped " + event.id() + " needs orderId and userId");
			this.requests.request(event.id(), EventKey.ORDER_SHIPPED, order.userId(), null,
					Models.of(order, this.shop));
		});
	}

	@Bean
	EventHandler<OrderCancelledV1> orderCancelled() {
		return EventHandler.of("order-events", OrderCancelledV1.TYPE, (order, event) -> {
			require(order != null && order.orderId() != null && order.userId() != null,
					"order.cancelled " + event.id() + " needs orderId and userId");
			this.requests.request(event.id(), EventKey.ORDER_CANCELLED, order.userId(), null,
					Models.of(order, this.shop));
		});
	}

	@Bean
	EventHandler<PaymentRefundedV1> refunded() {
		return EventHandler.of("payment-events", PaymentRefundedV1.TYPE, (refund, event) -> {
			require(refund != null && refund.orderId() != null && refund.userId() != null && refund.amount() != null,
					"payment.refunded " + event.id() + " needs orderId, userId and amount");
			this.requests.request(event.id(), EventKey.PAYMENT_REFUNDED, refund.userId(), null,
					Models.of(refund, this.shop));
		});
	}

	@Bean
	EventHandler<InventoryLowStockV1> lowStock() {
		return EventHandler.of("inventory-events", InventoryLowStockV1.TYPE, (stock, event) -> {
			require(stock != null && stock.productId() != null && stock.sellerId() != null,
					"inventory.low_stock " + event.id() + " needs productId and sellerId");
			List<Recipient> admins = this.recipients.admins();
			if (admins.isEmpty()) {
				log.warn("Low stock of product {}: no admin is known yet, nobody is told", stock.productId());
			}
			for (Recipient admin : admins) {
				this.requests.request(event.id(), EventKey.INVENTORY_LOW_STOCK, admin.userId(), null,
						Models.of(stock, this.shop));
			}
		});
	}

	private static void require(boolean valid, String message) {
		if (!valid) {
			// retrying cannot fix the event: straight to the dead-letter queue
			throw new MalformedEventException(message);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
