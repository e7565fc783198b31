package dev.mercato.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.mercato.identity.user.Email;
import dev.mercato.identity.user.User;
import dev.mercato.identity.user.UserService;
import dev.mercato.platform.web.UnauthorizedException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges credentials for a token pair.
 */
@Service
public class AuthService {

	private final UserService users;

	private final PasswordEncoder passwordEncoder;

	private final AccessTokenIssuer accessTokens;

	private final RefreshTokenRepository refreshTokens;

	private final TokenProperties properties;

	private final Clock clock;

	// Hash of a random password, compared against when the e-mail is unknown so that the
	// answer time does not reveal whether an account exists.
	private final String decoyHash;

	AuthService(UserService users, PasswordEncoder passwordEncoder, AccessTokenIssuer accessTokens,
			RefreshTokenRepository refreshTokens, TokenProperties properties, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.properties = properties;
		this.clock = clock;
		this.decoyHash = passwordEncoder.encode(java.util.UUID.randomUUID().toString());
	}

	/**
	 * Checks the credentials and issues a new access token and a new refresh-token
	 * family.
	 * @param email the e-mail as typed
	 * @param password the raw password
	 * @return the tokens
	 * @throws UnauthorizedException for an unknown e-mail, a wrong password or an
	 * inactive account alike
	 */
	@Transactional
	public TokenPair login(String email, String password) {
		Optional<User> found = Email.isValid(email) ? this.users.findByEmail(Email.of(email)) : Optional.empty();
		boolean matches = this.passwordEncoder.matches(password,
				found.map(User::getPasswordHash).orElse(this.decoyHash));
		if (found.isEmpty() || !matches || !found.get().isActive()) {
			throw new UnauthorizedException("INVALID_CREDENTIALS", "Invalid e-mail or password.");
		}
		User user = found.get();
		Instant now = this.clock.instant();
		RefreshToken.Issued refresh = RefreshToken.startFamily(user.getId(), now, this.properties.refreshTokenTtl());
		this.refreshTokens.save(refresh.token());
		Duration accessTtl = this.properties.accessTokenTtl();
		return new TokenPair(this.accessTokens.issue(user).getTokenValue(), refresh.value(), accessTtl.toSeconds());
	}

}
