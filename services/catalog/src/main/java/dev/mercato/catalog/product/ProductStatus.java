package dev.mercato.catalog.product;

/**
 * Whether a product is for sale.
 */
public enum ProductStatus {

	/** Listed, searchable, orderable. */
	ACTIVE,

	/**
	 * Withdrawn by its seller or an admin: still readable by id (past orders), never
	 * listed.
	 */
	ARCHIVED

}
