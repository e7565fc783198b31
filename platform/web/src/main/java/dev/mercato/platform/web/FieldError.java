package dev.mercato.platform.web;

/**
 * One invalid field of a request, as listed in a problem's {@code errors}.
 *
 * @param field the field's path in the request, e.g. {@code shippingAddress.city}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {

}
