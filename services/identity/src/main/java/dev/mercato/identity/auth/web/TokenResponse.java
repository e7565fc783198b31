package dev.mercato.identity.auth.web;

import dev.mercato.identity.auth.TokenPair;

record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	static TokenResponse of(TokenPair pair) {
		return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresInSeconds());
	}

	@Override
	public String toString() {
		return "TokenResponse[tokenType=" + this.tokenType + ", expiresIn=" + this.expiresIn + "]";
	}

}
