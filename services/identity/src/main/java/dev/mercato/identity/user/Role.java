package dev.mercato.identity.user;

/**
 * What a user may do on the platform; carried in the access token's {@code roles} claim.
 */
public enum Role {

	/** Buys: cart, orders, payments. */
	CUSTOMER,

	/** Sells: manages own listings and their stock. */
	SELLER,

	/** Runs the shop. */
	ADMIN

}
