package dev.mercato.recommender.interaction;

import dev.mercato.recommender.RecommenderProperties;

/**
 * What a shopper did with a product.
 */
public enum InteractionKind {

	/** Viewed the product page ({@code product.viewed}). */
	VIEW,

	/** Added it to the cart ({@code cart.item_added}). */
	CART,

	/** Bought it ({@code order.paid}). */
	PURCHASE;

	/**
	 * This kind's strength.
	 * @param weights the configured weights
	 * @return the weight of one interaction of this kind
	 */
	public double weight(RecommenderProperties.Weights weights) {
		return switch (this) {
			case VIEW -> weights.view();
			case CART -> weights.cart();
			case PURCHASE -> weights.purchase();
		};
	}

}
