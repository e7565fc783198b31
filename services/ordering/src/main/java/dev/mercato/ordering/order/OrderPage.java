package dev.mercato.ordering.order;

import java.util.List;

/**
 * A page of orders, newest first.
 *
 * @param items the orders
 * @param page page number from 0
 * @param size page size
 * @param total orders matching in all
 */
public record OrderPage(List<OrderView> items, int page, int size, long total) {

}
