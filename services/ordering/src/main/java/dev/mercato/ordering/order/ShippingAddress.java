package dev.mercato.ordering.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where an order goes.
 *
 * @param name recipient
 * @param line1 street and number
 * @param line2 optional second line
 * @param city city
 * @param postalCode postal code
 * @param country ISO 3166-1 alpha-2 code
 */
public record ShippingAddress(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
		@Size(max = 200) String line2, @NotBlank @Size(max = 100) String city,
		@NotBlank @Size(max = 20) String postalCode, @NotBlank @Pattern(regexp = "[A-Z]{2}") String country) {

}
