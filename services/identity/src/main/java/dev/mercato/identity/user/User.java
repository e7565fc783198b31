package dev.mercato.identity.user;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A platform account. The e-mail is stored normalised (lower case), the password only as
 * a {@code DelegatingPasswordEncoder} hash.
 */
@Entity
@Table(name = "users")
public class User {

	@Id
	private UUID id;

	@Column(nullable = false, unique = true)
	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "first_name", nullable = false)
	private String firstName;

	@Column(name = "last_name", nullable = false)
	private String lastName;

	private String phone;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role", nullable = false)
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Column(nullable = false)
	private boolean active;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected User() {
		// for JPA
	}

	private User(UUID id, Registration registration, String passwordHash, Instant now) {
		if (registration.roles().isEmpty()) {
			throw new IllegalArgumentException("A user needs at least one role");
		}
		this.id = id;
		this.email = registration.email().value();
		this.passwordHash = passwordHash;
		this.firstName = registration.firstName();
		this.lastName = registration.lastName();
		this.phone = registration.phone();
		this.roles = EnumSet.copyOf(registration.roles());
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A new, active account.
	 * @param registration what the user gave
	 * @param passwordHash the encoded password (never the raw one)
	 * @param now creation time
	 * @return the unsaved user
	 */
	public static User create(Registration registration, String passwordHash, Instant now) {
		return new User(UUID.randomUUID(), registration, passwordHash, now);
	}

	/**
	 * A new, active account with an id chosen by the caller (demo accounts, whose ids
	 * other services' demo data refer to).
	 * @param id the account id
	 * @param registration what the user gave
	 * @param passwordHash the encoded password (never the raw one)
	 * @param now creation time
	 * @return the unsaved user
	 */
	public static User create(UUID id, Registration registration, String passwordHash, Instant now) {
		return new User(id, registration, passwordHash, now);
	}

	/**
	 * Changes the profile fields a user may edit; the e-mail is not one of them.
	 * @param update the new values
	 * @param now time of the change
	 */
	public void updateProfile(ProfileUpdate update, Instant now) {
		update.firstName().ifPresent((value) -> this.firstName = value);
		update.lastName().ifPresent((value) -> this.lastName = value);
		update.phone().ifPresent((value) -> this.phone = value.isEmpty() ? null : value);
		this.updatedAt = now;
	}

	/**
	 * Replaces the roles.
	 * @param newRoles at least one role
	 * @param now time of the change
	 */
	public void changeRoles(Set<Role> newRoles, Instant now) {
		if (newRoles.isEmpty()) {
			throw new IllegalArgumentException("A user needs at least one role");
		}
		this.roles.clear();
		this.roles.addAll(newRoles);
		this.updatedAt = now;
	}

	/**
	 * Replaces the password hash.
	 * @param newPasswordHash the encoded new password
	 * @param now time of the change
	 */
	public void changePassword(String newPasswordHash, Instant now) {
		this.passwordHash = newPasswordHash;
		this.updatedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public Email getEmail() {
		return Email.of(this.email);
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public String getPhone() {
		return this.phone;
	}

	public Set<Role> getRoles() {
		return Collections.unmodifiableSet(this.roles);
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
