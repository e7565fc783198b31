package dev.mercato.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Where an order goes.
 *
 * @param name recipient name
 * @param line1 first line
 * @param line2 second line or {@code null}
 * @param city city
 * @param postalCode postal code
 * @param country ISO country code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShippingAddress(String name, String line1, @Nullable String line2, String city, String postalCode,
		String country) {

}
