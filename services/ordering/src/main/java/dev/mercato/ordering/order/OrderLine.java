package dev.mercato.ordering.order;

import java.math.BigDecimal;
import java.util.UUID;

import dev.mercato.ordering.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of an order, with the price confirmed by catalog when the order was placed.
 */
@Embeddable
public class OrderLine {

	@Column(name = "product_id", nullable = false)
	private UUID productId;

	@Column(nullable = false)
	private String sku;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private int quantity;

	@Column(name = "unit_price", nullable = false)
	private BigDecimal unitPrice;

	protected OrderLine() {
	}

	/**
	 * A line.
	 * @param productId the product
	 * @param sku its SKU
	 * @param name its name
	 * @param quantity how many, at least 1
	 * @param unitPrice the confirmed price (its currency is the order's)
	 */
	public OrderLine(UUID productId, String sku, String name, int quantity, Money unitPrice) {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be positive");
		}
		this.productId = productId;
		this.sku = sku;
		this.name = name;
		this.quantity = quantity;
		this.unitPrice = unitPrice.amount();
	}

	public UUID productId() {
		return this.productId;
	}

	public String sku() {
		return this.sku;
	}

	public String name() {
		return this.name;
	}

	public int quantity() {
		return this.quantity;
	}

	/**
	 * The unit price.
	 * @param currency the order's currency
	 * @return the price
	 */
	public Money unitPrice(String currency) {
		return new Money(this.unitPrice.stripTrailingZeros()
			.max(BigDecimal.ZERO)
			.setScale(Math.max(java.util.Currency.getInstance(currency).getDefaultFractionDigits(), 0),
					java.math.RoundingMode.UNNECESSARY),
				currency);
	}

	/**
	 * Price times quantity.
	 * @param currency the order's currency
	 * @return the line total
	 */
	public Money lineTotal(String currency) {
		return unitPrice(currency).times(this.quantity);
	}

}
