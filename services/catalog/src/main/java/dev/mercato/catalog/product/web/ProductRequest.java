package dev.mercato.catalog.product.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.mercato.catalog.product.ProductCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/products} and {@code PUT /api/products/{id}}. {@code initialStock},
 * {@code lowStockThreshold} and {@code sellerId} (admins only) count on creation only.
 *
 * @param sku the SKU, unique in the catalog
 * @param name the name
 * @param description the description
 * @param price the price
 * @param categoryId the category
 * @param imageUrl an http(s) image URL; absent for the generated placeholder
 * @param initialStock units on hand for inventory
 * @param lowStockThreshold inventory's low-stock threshold
 * @param sellerId the seller an admin creates the product for
 */
record ProductRequest(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
				message = "must be 1-64 letters, digits, '.', '_' or '-'") String sku,
		@NotBlank @Size(max = 200) String name, @NotNull @Size(max = 5000) String description,
		@NotNull @Valid PriceRequest price, @NotNull UUID categoryId,
		@Nullable @Size(max = 500) @Pattern(regexp = "(https?://|/)\\S+",
				message = "must be an http(s) URL or a path") String imageUrl,
		@Nullable @Min(0) @Max(1_000_000) Integer initialStock,
		@Nullable @Min(0) @Max(1_000_000) Integer lowStockThreshold, @Nullable UUID sellerId) {

	ProductCommand toCommand() {
		return new ProductCommand(this.sku.strip(), this.name.strip(), this.description.strip(),
				new BigDecimal(this.price.amount()), this.price.currency(), this.categoryId,
				(this.imageUrl != null && !this.imageUrl.isBlank()) ? this.imageUrl.strip() : null, this.initialStock,
				this.lowStockThreshold, this.sellerId);
	}

	/**
	 * A price: {@code {"amount": "19.99", "currency": "USD"}}.
	 *
	 * @param amount a non-negative decimal
	 * @param currency the ISO 4217 code
	 */
	record PriceRequest(
			@NotBlank @Pattern(regexp = "[0-9]{1,10}(\\.[0-9]{1,4})?",
					message = "must be a non-negative decimal amount, e.g. 19.99") String amount,
			@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code, e.g. USD") String currency) {

	}

}
