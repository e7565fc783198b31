package dev.mercato.identity.user;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.web.ConflictException;
import dev.mercato.platform.web.NotFoundException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts and reads profiles.
 */
@Service
public class UserService {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Outbox outbox;

	private final Clock clock;

	UserService(UserRepository users, PasswordEncoder passwordEncoder, Outbox outbox, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Creates the account and records {@code user.created} in the outbox, atomically.
	 * @param registration the validated input
	 * @return the new user
	 * @throws ConflictException when the e-mail is already registered
	 */
	@Transactional
	public User register(Registration registration) {
		if (this.users.existsByEmail(registration.email().value())) {
			throw emailTaken();
		}
		User user = User.create(registration, this.passwordEncoder.encode(registration.password()),
				this.clock.instant());
		try {
			this.users.saveAndFlush(user);
		}
		catch (DataIntegrityViolationException ex) {
			// Two registrations of one address raced past the check; the unique index
			// decided.
			throw emailTaken();
		}
		this.outbox.publish(UserCreatedV1.TYPE, user.getId().toString(), UserCreatedV1.of(user));
		return user;
	}

	/**
	 * The user with that id.
	 * @param id user id
	 * @return the user
	 * @throws NotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public User get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "No user with id " + id));
	}

	/**
	 * The user with that id, if any.
	 * @param id user id
	 * @return the user or empty
	 */
	@Transactional(readOnly = true)
	public Optional<User> find(UUID id) {
		return this.users.findById(id);
	}

	/**
	 * The user with that e-mail, if any.
	 * @param email normalised e-mail
	 * @return the user or empty
	 */
	@Transactional(readOnly = true)
	public Optional<User> findByEmail(Email email) {
		return this.users.findByEmail(email.value());
	}

	private static ConflictException emailTaken() {
		return new ConflictException("EMAIL_TAKEN", "An account with this e-mail already exists");
	}

}
