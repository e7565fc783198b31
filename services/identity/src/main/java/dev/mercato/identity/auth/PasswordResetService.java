package dev.mercato.identity.auth;

import java.time.Clock;
import java.time.Instant;

import dev.mercato.identity.user.Email;
import dev.mercato.identity.user.User;
import dev.mercato.identity.user.UserService;
import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.web.BusinessRuleException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mailed single-use token.
 */
@Service
public class PasswordResetService {

	private final UserService users;

	private final PasswordResetTokenRepository tokens;

	private final RefreshTokenRepository refreshTokens;

	private final Outbox outbox;

	private final TokenProperties properties;

	private final Clock clock;

	PasswordResetService(UserService users, PasswordResetTokenRepository tokens, RefreshTokenRepository refreshTokens,
			Outbox outbox, TokenProperties properties, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.refreshTokens = refreshTokens;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * For an active account, creates a token and records
	 * {@code user.password_reset_requested}; for any other input does nothing, so the
	 * caller cannot learn whether an account exists.
	 * @param email the e-mail as typed
	 */
	@Transactional
	public void request(String email) {
		if (!Email.isValid(email)) {
			return;
		}
		this.users.findByEmail(Email.of(email)).filter(User::isActive).ifPresent((user) -> {
			Instant now = this.clock.instant();
			PasswordResetToken.Issued issued = PasswordResetToken.issue(user.getId(), now,
					this.properties.passwordResetTtl());
			this.tokens.save(issued.token());
			this.outbox.publish(PasswordResetRequestedV1.TYPE, user.getId().toString(),
					new PasswordResetRequestedV1(user.getId(), user.getEmail().value(), user.getFirstName(),
							issued.value(), issued.token().getExpiresAt()));
		});
	}

	/**
	 * Sets the new password if the token is valid, uses the token up and revokes every
	 * refresh token of the account (sessions an attacker may hold end too).
	 * @param token the mailed token
	 * @param newPassword the new password, already checked against the policy
	 * @throws BusinessRuleException when the token is unknown, used or expired
	 */
	@Transactional
	public void confirm(String token, String newPassword) {
		Instant now = this.clock.instant();
		PasswordResetToken stored = this.tokens.findByTokenHashForUpdate(OpaqueTokens.hash(token))
			.filter((candidate) -> candidate.isUsable(now))
			.orElseThrow(() -> new BusinessRuleException("RESET_TOKEN_INVALID",
					"The password-reset token is unknown, already used or expired."));
		stored.markUsed(now);
		this.users.changePassword(stored.getUserId(), newPassword);
		this.refreshTokens.revokeAllOfUser(stored.getUserId(), now);
	}

}
