package dev.mercato.inventory.stock.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/inventory/{productId}/adjustments}.
 *
 * @param delta units to add (negative: remove), not 0
 * @param reason why, kept in the audit trail
 */
record AdjustmentRequest(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta,
		@NotBlank @Size(max = 500) String reason) {

}
