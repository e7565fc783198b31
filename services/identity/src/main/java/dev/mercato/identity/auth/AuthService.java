package dev.mercato.identity.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.identity.user.Email;
import dev.mercato.identity.user.User;
import dev.mercato.identity.user.UserService;
import dev.mercato.platform.web.TooManyRequestsException;
import dev.mercato.platform.web.UnauthorizedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges credentials for a token pair, rotates refresh tokens and ends sessions.
 */
@Service
public class AuthService {

	private static final Log logger = LogFactory.getLog(AuthService.class);

	private final UserService users;

	private final PasswordEncoder passwordEncoder;

	private final AccessTokenIssuer accessTokens;

	private final RefreshTokenRepository refreshTokens;

	private final AccessTokenDenyList denyList;

	private final LoginThrottle throttle;

	private final TokenProperties properties;

	private final Clock clock;

	// Hash of a random password, compared against when the e-mail is unknown so that the
	// answer time does not reveal whether an account exists.
	private final String decoyHash;

	AuthService(UserService users, PasswordEncoder passwordEncoder, AccessTokenIssuer accessTokens,
			RefreshTokenRepository refreshTokens, AccessTokenDenyList denyList, LoginThrottle throttle,
			TokenProperties properties, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.denyList = denyList;
		this.throttle = throttle;
		this.properties = properties;
		this.clock = clock;
		this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
	}

	/**
	 * Checks the credentials and issues a new access token and a new refresh-token
	 * family.
	 * @param email the e-mail as typed
	 * @param password the raw password
	 * @param clientIp the caller's address, for the per-address failure limit
	 * @return the tokens
	 * @throws UnauthorizedException for an unknown e-mail, a wrong password or an
	 * inactive account alike
	 * @throws TooManyRequestsException while the account or the address is locked out
	 */
	// Not one transaction: the password check (bcrypt, tens of ms of CPU) must not hold a
	// pooled connection; the user read and the refresh-token insert each take one
	// briefly.
	public TokenPair login(String email, String password, String clientIp) {
		this.throttle.checkAllowed(email, clientIp);
		Optional<User> found = Email.isValid(email) ? this.users.findByEmail(Email.of(email)) : Optional.empty();
		boolean matches = this.passwordEncoder.matches(password,
				found.map(User::getPasswordHash).orElse(this.decoyHash));
		if (found.isEmpty() || !matches || !found.get().isActive()) {
			this.throttle.recordFailure(email, clientIp);
			throw new UnauthorizedException("INVALID_CREDENTIALS", "Invalid e-mail or password.");
		}
		this.throttle.recordSuccess(email);
		User user = found.get();
		RefreshToken.Issued refresh = RefreshToken.startFamily(user.getId(), this.clock.instant(),
				this.properties.refreshTokenTtl());
		this.refreshTokens.save(refresh.token());
		return pair(user, refresh.value());
	}

	/**
	 * Exchanges a refresh token for a new pair; the presented token is used up. A token
	 * that was already used or revoked is a sign of theft: its whole family is revoked,
	 * so the thief's and the victim's copies both stop working.
	 * @param refreshToken the opaque token
	 * @return the new tokens
	 * @throws UnauthorizedException when the token is unknown, expired, used or revoked
	 */
	// The family revocation must commit although the call ends in a 401.
	@Transactional(noRollbackFor = UnauthorizedException.class)
	public TokenPair refresh(String refreshToken) {
		Instant now = this.clock.instant();
		RefreshToken token = this.refreshTokens.findByTokenHashForUpdate(OpaqueTokens.hash(refreshToken))
			.orElseThrow(AuthService::invalidRefreshToken);
		if (token.isSpent()) {
			int revoked = this.refreshTokens.revokeFamily(token.getFamilyId(), now);
			logger.warn("Refresh token of user " + token.getUserId() + " presented again; revoked " + revoked
					+ " token(s) of family " + token.getFamilyId());
			throw invalidRefreshToken();
		}
		if (token.isExpired(now)) {
			throw invalidRefreshToken();
		}
		User user = this.users.find(token.getUserId())
			.filter(User::isActive)
			.orElseThrow(AuthService::invalidRefreshToken);
		RefreshToken.Issued next = token.rotate(now, this.properties.refreshTokenTtl());
		this.refreshTokens.save(next.token());
		return pair(user, next.value());
	}

	/**
	 * Ends a session: the access token is deny-listed until it expires and, when given
	 * and owned by the same user, the refresh token's family is revoked.
	 * @param accessToken the caller's verified access token
	 * @param refreshToken the session's refresh token, or {@code null}
	 */
	@Transactional
	public void logout(Jwt accessToken, String refreshToken) {
		if (refreshToken != null && !refreshToken.isBlank()) {
			// Somebody else's token is ignored: logout must not become a way to end other
			// users' sessions.
			this.refreshTokens.findByTokenHash(OpaqueTokens.hash(refreshToken))
				.filter((token) -> token.getUserId().toString().equals(accessToken.getSubject()))
				.ifPresent((token) -> this.refreshTokens.revokeFamily(token.getFamilyId(), this.clock.instant()));
		}
		this.denyList.deny(accessToken);
	}

	private TokenPair pair(User user, String refreshToken) {
		return new TokenPair(this.accessTokens.issue(user).getTokenValue(), refreshToken,
				this.properties.accessTokenTtl().toSeconds());
	}

	private static UnauthorizedException invalidRefreshToken() {
		return new UnauthorizedException("INVALID_REFRESH_TOKEN", "The refresh token is invalid, expired or revoked.");
	}

}
