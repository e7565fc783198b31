package dev.mercato.identity.auth.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.mercato.identity.auth.AuthService;
import dev.mercato.identity.auth.PasswordResetService;
import dev.mercato.identity.auth.ServiceTokenService;
import dev.mercato.platform.web.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

	private final AuthService auth;

	private final PasswordResetService passwordReset;

	private final ServiceTokenService serviceTokens;

	private final ClientAddresses clientAddresses;

	AuthController(AuthService auth, PasswordResetService passwordReset, ServiceTokenService serviceTokens,
			ClientAddresses clientAddresses) {
		this.auth = auth;
		this.passwordReset = passwordReset;
		this.serviceTokens = serviceTokens;
		this.clientAddresses = clientAddresses;
	}

	@PostMapping("/api/auth/login")
	TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return TokenResponse.of(this.auth.login(request.email(), request.password(), this.clientAddresses.of(http)));
	}

	@PostMapping("/api/auth/refresh")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
		return TokenResponse.of(this.auth.refresh(request.refreshToken()));
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@AuthenticationPrincipal Jwt accessToken, @Valid @RequestBody(required = false) LogoutRequest request) {
		this.auth.logout(accessToken, (request != null) ? request.refreshToken() : null);
	}

	@PostMapping("/api/auth/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void requestPasswordReset(@Valid @RequestBody PasswordResetRequest request) {
		this.passwordReset.request(request.email());
	}

	@PostMapping("/api/auth/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void confirmPasswordReset(@Valid @RequestBody PasswordResetConfirmRequest request) {
		this.passwordReset.confirm(request.token(), request.newPassword());
	}

	// OAuth 2 client-credentials style: form body, client authenticated with HTTP Basic.
	@PostMapping(path = "/api/auth/service-token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<ServiceTokenResponse> serviceToken(
			@RequestParam("grant_type") @Pattern(regexp = "client_credentials",
					message = "must be client_credentials") String grantType,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		String[] credentials = basicCredentials(authorization);
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(ServiceTokenResponse.of(this.serviceTokens.issue(credentials[0], credentials[1])));
	}

	private static String[] basicCredentials(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			throw invalidClient();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				throw invalidClient();
			}
			return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			throw invalidClient();
		}
	}

	private static UnauthorizedException invalidClient() {
		return new UnauthorizedException("INVALID_CLIENT", "Client credentials required (HTTP Basic).");
	}

}
