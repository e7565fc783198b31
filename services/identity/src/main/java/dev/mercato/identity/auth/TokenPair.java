package dev.mercato.identity.auth;

/**
 * What a successful login returns.
 *
 * @param accessToken the signed JWT
 * @param refreshToken the opaque refresh token (stored only hashed)
 * @param expiresInSeconds lifetime of the access token in seconds
 */
public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds) {

	@Override
	public String toString() {
		return "TokenPair[expiresInSeconds=" + this.expiresInSeconds + "]";
	}

}
