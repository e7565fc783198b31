package dev.mercato.ordering.product;

import java.util.UUID;

import dev.mercato.ordering.Money;

/**
 * What ordering needs to know about a catalog product.
 *
 * @param id product id
 * @param sku stock keeping unit
 * @param name display name
 * @param price current price
 * @param active whether it can be bought (archived products are not)
 */
public record Product(UUID id, String sku, String name, Money price, boolean active) {

}
