package dev.mercato.gateway.edge;

/**
 * Exchange attributes the edge filters share.
 */
public final class EdgeAttributes {

	/** The verified token's subject, set once the security chain has run. */
	public static final String USER_ID = EdgeAttributes.class.getName() + ".userId";

	private EdgeAttributes() {
	}

}
