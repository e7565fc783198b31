package dev.mercato.identity.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.web.BusinessRuleException;
import dev.mercato.platform.web.ConflictException;
import dev.mercato.platform.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts, reads and changes profiles and roles.
 */
@Service
public class UserService {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Outbox outbox;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	UserService(UserRepository users, PasswordEncoder passwordEncoder, Outbox outbox, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
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
		return register(UUID.randomUUID(), registration);
	}

	/**
	 * Creates the account with a given id (demo accounts) and records
	 * {@code user.created}.
	 * @param id the account id
	 * @param registration the validated input
	 * @return the new user
	 * @throws ConflictException when the e-mail is already registered
	 */
	@Transactional
	public User register(UUID id, Registration registration) {
		if (this.users.existsByEmail(registration.email().value())) {
			throw emailTaken();
		}
		User user = User.create(id, registration, this.passwordEncoder.encode(registration.password()),
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

	/**
	 * Users page by page, oldest first, optionally only those whose e-mail contains a
	 * fragment.
	 * @param emailFragment case-insensitive fragment, or {@code null} for all
	 * @param page zero-based page number
	 * @param size page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<User> list(String emailFragment, int page, int size) {
		PageRequest request = PageRequest.of(page, size, Sort.by("createdAt", "id"));
		if (emailFragment == null || emailFragment.isBlank()) {
			return this.users.findAll(request);
		}
		return this.users.findByEmailContaining(emailFragment.strip().toLowerCase(Locale.ROOT), request);
	}

	/**
	 * Changes the user's own profile and records {@code user.updated}.
	 * @param id user id
	 * @param update the fields to change
	 * @return the updated user
	 */
	@Transactional
	public User updateProfile(UUID id, ProfileUpdate update) {
		User user = get(id);
		if (update.isEmpty()) {
			return user;
		}
		user.updateProfile(update, this.clock.instant());
		this.users.saveAndFlush(user);
		this.outbox.publish(UserUpdatedV1.TYPE, user.getId().toString(), UserUpdatedV1.of(user, "profile"));
		return user;
	}

	/**
	 * Replaces a user's roles on behalf of an administrator and records
	 * {@code user.updated}.
	 * @param actorId the administrator doing it
	 * @param id the user whose roles change
	 * @param roles the new roles, at least one
	 * @return the updated user
	 * @throws BusinessRuleException when administrators would remove their own ADMIN role
	 */
	@Transactional
	public User changeRoles(UUID actorId, UUID id, Set<Role> roles) {
		User user = get(id);
		if (actorId.equals(id) && !roles.contains(Role.ADMIN)) {
			// Prevents locking the shop out of administration by accident.
			throw new BusinessRuleException("CANNOT_REMOVE_OWN_ADMIN",
					"Administrators cannot remove their own ADMIN role");
		}
		if (user.getRoles().equals(roles)) {
			return user;
		}
		Instant now = this.clock.instant();
		user.changeRoles(roles, now);
		this.users.saveAndFlush(user);
		this.outbox.publish(UserUpdatedV1.TYPE, user.getId().toString(), UserUpdatedV1.of(user, "roles"));
		this.events.publishEvent(new RolesChanged(user.getId(), now));
		return user;
	}

	/**
	 * Sets a new password (already checked against {@link PasswordPolicy}).
	 * @param id user id
	 * @param rawPassword the new password
	 */
	@Transactional
	public void changePassword(UUID id, String rawPassword) {
		if (!PasswordPolicy.isAcceptable(rawPassword)) {
			throw new IllegalArgumentException("Password " + PasswordPolicy.DESCRIPTION);
		}
		User user = get(id);
		user.changePassword(this.passwordEncoder.encode(rawPassword), this.clock.instant());
		this.users.saveAndFlush(user);
	}

	private static ConflictException emailTaken() {
		return new ConflictException("EMAIL_TAKEN", "An account with this e-mail already exists");
	}

}
