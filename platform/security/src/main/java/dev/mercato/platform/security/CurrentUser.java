package dev.mercato.platform.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in user of the current request, from the access token. Declare it as a
 * controller method parameter; a request without a valid token never reaches the method.
 *
 * @param id the user id ({@code sub})
 * @param email the user's email
 * @param roles role names without prefix, e.g. {@code CUSTOMER}
 */
public record CurrentUser(UUID id, String email, Set<String> roles) {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	/**
	 * Whether the user has the role.
	 * @param role e.g. {@code ADMIN}
	 * @return whether the user has it
	 */
	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether the user is an administrator.
	 * @return whether the user has role {@code ADMIN}
	 */
	public boolean isAdmin() {
		return hasRole("ADMIN");
	}

	/**
	 * Reads the user from a verified token.
	 * @param jwt the token
	 * @return the user
	 * @throws AccessDeniedException when the token is a service's ({@code sub}
	 * {@code service:<name>}): user endpoints have no user to act for
	 */
	public static CurrentUser from(Jwt jwt) {
		UUID id;
		try {
			id = UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new AccessDeniedException("The token does not belong to a user");
		}
		List<String> roles = jwt.getClaimAsStringList(MercatoJwt.ROLES_CLAIM);
		return new CurrentUser(id, jwt.getClaimAsString(MercatoJwt.EMAIL_CLAIM),
				(roles != null) ? Set.copyOf(roles) : Set.of());
	}

	/**
	 * The user of the current thread's request.
	 * @return the user
	 * @throws AuthenticationCredentialsNotFoundException when the request carries no
	 * token
	 */
	public static CurrentUser require() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return from(token.getToken());
		}
		throw new AuthenticationCredentialsNotFoundException("No signed-in user");
	}

}
