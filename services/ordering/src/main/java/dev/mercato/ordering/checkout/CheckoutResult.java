package dev.mercato.ordering.checkout;

import dev.mercato.ordering.order.OrderView;

/**
 * What a checkout request answers.
 *
 * @param order the order as it is now
 * @param settled whether it reached a final state (CONFIRMED or CANCELLED), or is still
 * PENDING because a participant is unavailable
 */
public record CheckoutResult(OrderView order, boolean settled) {

}
