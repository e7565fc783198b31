package dev.mercato.catalog.product;

/**
 * Products are changing, in the current transaction, in a way the search index follows.
 * Published synchronously before the transaction commits, so that the search feature can
 * choose how its index catches up (and drop what it cached) without the product feature
 * knowing about it.
 *
 * @param searchableOnReturn {@code true} when the change must be searchable by the time
 * the request returns (an edit by a seller), {@code false} when it may reach the index
 * later (an in-stock flip from inventory's events)
 */
public record ProductIndexChange(boolean searchableOnReturn) {

}
