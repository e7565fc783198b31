package dev.mercato.identity.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.mercato.identity.user.Email;
import dev.mercato.identity.user.Registration;
import dev.mercato.identity.user.Role;
import dev.mercato.identity.user.UserService;
import dev.mercato.platform.web.ConflictException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the demo accounts of the API documentation when they are missing, for local use
 * only ({@code mercato.demo-data.enabled=true}). Running it again changes nothing.
 */
@Component
@ConditionalOnBooleanProperty("mercato.demo-data.enabled")
class DemoAccounts implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoAccounts.class);

	static final List<Registration> ACCOUNTS = List.of(
			account("admin@mercato.dev", "Admin123!", "Ada", "Admin", Role.ADMIN),
			account("seller1@mercato.dev", "Seller123!", "Sam", "Seller", Role.SELLER),
			account("seller2@mercato.dev", "Seller123!", "Sofia", "Seller", Role.SELLER),
			account("alice@mercato.dev", "Customer123!", "Alice", "Customer", Role.CUSTOMER),
			account("bob@mercato.dev", "Customer123!", "Bob", "Customer", Role.CUSTOMER));

	private final UserService users;

	DemoAccounts(UserService users) {
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = 0;
		for (Registration account : ACCOUNTS) {
			if (this.users.findByEmail(account.email()).isPresent()) {
				continue;
			}
			try {
				this.users.register(idOf(account.email().value()), account);
				created++;
			}
			catch (ConflictException ex) {
				// another instance created it in the meantime: that is the goal
			}
		}
		logger.info("Demo accounts: " + created + " created, " + (ACCOUNTS.size() - created) + " already present");
	}

	/**
	 * The fixed id of a demo account, so that other services' demo data (products of the
	 * demo sellers, orders of the demo customers) can refer to it without asking
	 * identity: {@code UUID.nameUUIDFromBytes("mercato-demo:" + email)}.
	 * @param email the demo account's e-mail
	 * @return its id
	 */
	static UUID idOf(String email) {
		return UUID.nameUUIDFromBytes(("mercato-demo:" + email).getBytes(StandardCharsets.UTF_8));
	}

	private static Registration account(String email, String password, String firstName, String lastName, Role role) {
		return new Registration(Email.of(email), password, firstName, lastName, null, Set.of(role));
	}

}
