package dev.mercato.ordering.cart;

import java.util.UUID;

/**
 * One stored cart line.
 *
 * @param productId the product
 * @param quantity how many
 */
public record CartLine(UUID productId, int quantity) {

}
