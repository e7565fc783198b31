package dev.mercato.notification.event;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A line of an order event.
 *
 * @param productId the product
 * @param sku the SKU
 * @param name the product name at ordering time
 * @param quantity units
 * @param unitPrice price of one unit
 * @param lineTotal quantity times unit price
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderItem(UUID productId, String sku, String name, int quantity, Money unitPrice, Money lineTotal) {

}
