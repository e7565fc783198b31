package dev.mercato.ordering.order;

/**
 * How the customer pays: exactly one of a saved payment method of theirs or a one-time
 * provider token.
 *
 * @param methodId saved method id, or {@code null}
 * @param token one-time token, or {@code null}
 */
public record PaymentInstruction(String methodId, String token) {

	public PaymentInstruction {
		boolean hasMethod = methodId != null && !methodId.isBlank();
		boolean hasToken = token != null && !token.isBlank();
		if (hasMethod == hasToken) {
			throw new IllegalArgumentException("Exactly one of methodId and token is required");
		}
		methodId = hasMethod ? methodId : null;
		token = hasToken ? token : null;
	}

}
