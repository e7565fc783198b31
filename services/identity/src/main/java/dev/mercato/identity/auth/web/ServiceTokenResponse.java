package dev.mercato.identity.auth.web;

import dev.mercato.identity.auth.ServiceTokenService.ServiceToken;

record ServiceTokenResponse(String accessToken, String tokenType, long expiresIn) {

	static ServiceTokenResponse of(ServiceToken token) {
		return new ServiceTokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds());
	}

	@Override
	public String toString() {
		return "ServiceTokenResponse[expiresIn=" + this.expiresIn + "]";
	}

}
