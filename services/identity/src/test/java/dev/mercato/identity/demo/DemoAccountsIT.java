package dev.mercato.identity.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "mercato.demo-data.enabled=true", "spring.grpc.server.port=0" })
@IsolatedInfrastructure
class DemoAccountsIT {

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void startUpCreatesTheDocumentedAccountsAndASecondRunChangesNothing() {
		Map<String, String> expectedRoles = Map.of("admin@mercato.dev", "ADMIN", "seller1@mercato.dev", "SELLER",
				"seller2@mercato.dev", "SELLER", "alice@mercato.dev", "CUSTOMER", "bob@mercato.dev", "CUSTOMER");
		assertThat(roles()).isEqualTo(expectedRoles);
		assertThat(passwordOf("admin@mercato.dev"))
			.satisfies((hash) -> assertThat(this.passwordEncoder.matches("Admin123!", hash)).isTrue());
		assertThat(passwordOf("seller2@mercato.dev"))
			.satisfies((hash) -> assertThat(this.passwordEncoder.matches("Seller123!", hash)).isTrue());
		assertThat(passwordOf("bob@mercato.dev"))
			.satisfies((hash) -> assertThat(this.passwordEncoder.matches("Customer123!", hash)).isTrue());
		// other services' demo data refers to these ids without asking identity
		assertThat(idOf("seller1@mercato.dev"))
			.isEqualTo(UUID.nameUUIDFromBytes("mercato-demo:seller1@mercato.dev".getBytes(StandardCharsets.UTF_8)));
		long eventsAfterStart = count("select count(*) from outbox where type = 'mercato.user.created.v1'");
		assertThat(eventsAfterStart).isEqualTo(5);

		this.demoAccounts.run(new DefaultApplicationArguments());

		assertThat(roles()).isEqualTo(expectedRoles);
		assertThat(count("select count(*) from users")).isEqualTo(5);
		assertThat(count("select count(*) from outbox where type = 'mercato.user.created.v1'"))
			.isEqualTo(eventsAfterStart);
	}

	private Map<String, String> roles() {
		return this.jdbc.sql("select u.email, r.role from users u join user_roles r on r.user_id = u.id")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private UUID idOf(String email) {
		return this.jdbc.sql("select id from users where email = ?").param(email).query(UUID.class).single();
	}

	private String passwordOf(String email) {
		return this.jdbc.sql("select password_hash from users where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
