package dev.mercato.identity.user;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mercato.identity.support.EventCapture;
import dev.mercato.identity.support.IdentityClient;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.mercato.identity.support.IdentityClient.PASSWORD;
import static dev.mercato.identity.support.IdentityClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Profile changes by the user, user administration by admins, and attempts to get around
 * it. Runs with the demo accounts (admin@mercato.dev is the admin).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "mercato.demo-data.enabled=true" })
@IsolatedInfrastructure
class UserAdministrationIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AmqpAdmin amqpAdmin;

	@Autowired
	RabbitTemplate rabbit;

	private IdentityClient client;

	private String admin;

	@BeforeEach
	void setUp() {
		this.client = new IdentityClient(this.port);
		this.admin = this.client.tokens("admin@mercato.dev", "Admin123!").get("accessToken").asString();
	}

	@Test
	void anAdminListsUsersPageByPageAndSearchesByEmail() {
		ResponseEntity<JsonNode> firstPage = this.client.call(HttpMethod.GET, "/api/users?page=0&size=2", this.admin,
				null);

		assertThat(firstPage.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = firstPage.getBody();
		assertThat(body.get("items").size()).isEqualTo(2);
		assertThat(body.get("page").asInt()).isZero();
		assertThat(body.get("size").asInt()).isEqualTo(2);
		assertThat(body.get("total").asLong()).isEqualTo(count("select count(*) from users"));
		assertThat(body.get("items").get(0).has("passwordHash")).isFalse();

		JsonNode sellers = this.client.call(HttpMethod.GET, "/api/users?q=SELLER", this.admin, null).getBody();
		assertThat(sellers.get("items").values()).extracting((user) -> user.get("email").asString())
			.containsExactlyInAnyOrder("seller1@mercato.dev", "seller2@mercato.dev");
		assertThat(sellers.get("total").asLong()).isEqualTo(2);
	}

	@Test
	void aDemotedAdminsTokenStopsWorkingAtOnceAndANewLoginCarriesTheNewRoles() {
		String id = this.client.register("demoted@example.com");
		assertThat(this.client
			.call(HttpMethod.PUT, "/api/users/" + id + "/roles", this.admin, Map.of("roles", List.of("ADMIN")))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		String adminToken = tokenAcceptedAfterRoleChange("demoted@example.com");
		assertThat(this.client.call(HttpMethod.GET, "/api/users", adminToken, null).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assertThat(this.client
			.call(HttpMethod.PUT, "/api/users/" + id + "/roles", this.admin, Map.of("roles", List.of("CUSTOMER")))
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(this.client.call(HttpMethod.GET, "/api/users", adminToken, null).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.client.me(adminToken).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		String customerToken = tokenAcceptedAfterRoleChange("demoted@example.com");
		assertThat(this.client.call(HttpMethod.GET, "/api/users", customerToken, null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	// a token issued in the same second as a role change is refused too: log in again
	private String tokenAcceptedAfterRoleChange(String email) {
		return await().atMost(Duration.ofSeconds(3)).until(() -> {
			String token = this.client.tokens(email, PASSWORD).get("accessToken").asString();
			return (this.client.me(token).getStatusCode() == HttpStatus.OK) ? token : null;
		}, Objects::nonNull);
	}

	@Test
	void anAdminReadsAnyProfile() {
		String id = this.client.register("readable@example.com");

		ResponseEntity<JsonNode> response = this.client.call(HttpMethod.GET, "/api/users/" + id, this.admin, null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("email").asString()).isEqualTo("readable@example.com");
		assertProblem(this.client.call(HttpMethod.GET, "/api/users/" + java.util.UUID.randomUUID(), this.admin, null),
				HttpStatus.NOT_FOUND, "USER_NOT_FOUND");
		assertProblem(this.client.call(HttpMethod.GET, "/api/users/not-a-uuid", this.admin, null),
				HttpStatus.BAD_REQUEST, null);
	}

	@Test
	void aCustomerCannotListReadOthersOrChangeRoles() {
		String customerId = this.client.register("mallory@example.com");
		String customer = this.client.tokens("mallory@example.com", PASSWORD).get("accessToken").asString();
		String otherId = idOf("bob@mercato.dev");

		assertProblem(this.client.call(HttpMethod.GET, "/api/users", customer, null), HttpStatus.FORBIDDEN, null);
		assertProblem(this.client.call(HttpMethod.GET, "/api/users/" + otherId, customer, null), HttpStatus.FORBIDDEN,
				null);
		assertProblem(this.client.call(HttpMethod.PUT, "/api/users/" + customerId + "/roles", customer,
				Map.of("roles", List.of("ADMIN"))), HttpStatus.FORBIDDEN, null);
		assertProblem(this.client.call(HttpMethod.PUT, "/api/users/" + otherId + "/roles", customer,
				Map.of("roles", List.of("SELLER"))), HttpStatus.FORBIDDEN, null);

		assertThat(rolesOf(customerId)).containsExactly("CUSTOMER");
		assertThat(rolesOf(otherId)).containsExactly("CUSTOMER");
	}

	@Test
	void patchingMeWithRolesOrEmailIsA400AndChangesNothing() {
		String id = this.client.register("sneaky@example.com");
		String token = this.client.tokens("sneaky@example.com", PASSWORD).get("accessToken").asString();

		ResponseEntity<JsonNode> roles = this.client.call(HttpMethod.PATCH, "/api/users/me", token,
				Map.of("firstName", "Sneaky", "roles", List.of("ADMIN")));
		ResponseEntity<JsonNode> email = this.client.call(HttpMethod.PATCH, "/api/users/me", token,
				Map.of("email", "admin@mercato.dev"));

		assertProblem(roles, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertThat(roles.getBody().get("errors").values()).extracting((error) -> error.get("field").asString())
			.containsExactly("roles");
		assertProblem(email, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertThat(rolesOf(id)).containsExactly("CUSTOMER");
		JsonNode me = this.client.me(token).getBody();
		assertThat(me.get("firstName").asString()).isEqualTo("Ada");
		assertThat(me.get("email").asString()).isEqualTo("sneaky@example.com");
	}

	@Test
	void aUserUpdatesTheirProfileAndUserUpdatedIsPublished() {
		EventCapture events = EventCapture.bind(this.amqpAdmin, this.rabbit, "user.updated");
		String id = this.client.register("profile@example.com");
		String token = this.client.tokens("profile@example.com", PASSWORD).get("accessToken").asString();

		ResponseEntity<JsonNode> response = this.client.call(HttpMethod.PATCH, "/api/users/me", token,
				Map.of("firstName", " Augusta ", "phone", ""));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode me = this.client.me(token).getBody();
		assertThat(me.get("firstName").asString()).isEqualTo("Augusta");
		assertThat(me.get("lastName").asString()).isEqualTo("Lovelace");
		assertThat(me.get("phone").isNull()).isTrue();
		JsonNode event = events.awaitSubject(id);
		assertThat(event.get("type").asString()).isEqualTo("mercato.user.updated.v1");
		assertThat(event.get("data").get("firstName").asString()).isEqualTo("Augusta");
		assertThat(event.get("data").get("changes").values()).extracting(JsonNode::asString).containsExactly("profile");
	}

	@Test
	void invalidProfileFieldsAre400() {
		this.client.register("invalid-profile@example.com");
		String token = this.client.tokens("invalid-profile@example.com", PASSWORD).get("accessToken").asString();

		ResponseEntity<JsonNode> response = this.client.call(HttpMethod.PATCH, "/api/users/me", token,
				Map.of("firstName", "   ", "phone", "call me maybe"));

		assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertThat(response.getBody().get("errors").values()).extracting((error) -> error.get("field").asString())
			.contains("firstName", "phone");
		assertProblem(this.client.call(HttpMethod.PATCH, "/api/users/me", token, "{\"firstName\": "),
				HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
		assertProblem(this.client.call(HttpMethod.PATCH, "/api/users/me", token, "{\"firstName\": {\"x\": 1}}"),
				HttpStatus.BAD_REQUEST, null);
	}

	@Test
	void anAdminChangesRolesTheEventIsPublishedAndTheNextTokenCarriesThem() {
		EventCapture events = EventCapture.bind(this.amqpAdmin, this.rabbit, "user.updated");
		String id = this.client.register("promoted@example.com");
		String refresh = this.client.tokens("promoted@example.com", PASSWORD).get("refreshToken").asString();

		ResponseEntity<JsonNode> response = this.client.call(HttpMethod.PUT, "/api/users/" + id + "/roles", this.admin,
				Map.of("roles", List.of("SELLER", "CUSTOMER")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("roles").values()).extracting(JsonNode::asString)
			.containsExactly("CUSTOMER", "SELLER");
		assertThat(rolesOf(id)).containsExactly("CUSTOMER", "SELLER");
		JsonNode event = events.awaitSubject(id);
		assertThat(event.get("data").get("roles").values()).extracting(JsonNode::asString)
			.containsExactly("CUSTOMER", "SELLER");
		assertThat(event.get("data").get("changes").values()).extracting(JsonNode::asString).containsExactly("roles");
		String newAccess = this.client.refresh(refresh).getBody().get("accessToken").asString();
		assertThat(this.client.me(newAccess).getBody().get("roles").values()).extracting(JsonNode::asString)
			.containsExactly("CUSTOMER", "SELLER");
	}

	@Test
	void roleChangesAreValidated() {
		String id = this.client.register("validated@example.com");
		String adminId = idOf("admin@mercato.dev");

		assertProblem(this.client.call(HttpMethod.PUT, "/api/users/" + id + "/roles", this.admin,
				Map.of("roles", List.of("GOD"))), HttpStatus.BAD_REQUEST, null);
		assertProblem(
				this.client.call(HttpMethod.PUT, "/api/users/" + id + "/roles", this.admin, Map.of("roles", List.of())),
				HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertProblem(this.client.call(HttpMethod.PUT, "/api/users/" + id + "/roles", this.admin, "{\"roles\": 7}"),
				HttpStatus.BAD_REQUEST, null);
		assertProblem(
				this.client.call(HttpMethod.PUT, "/api/users/" + adminId + "/roles", this.admin,
						Map.of("roles", List.of("CUSTOMER"))),
				HttpStatus.UNPROCESSABLE_CONTENT, "CANNOT_REMOVE_OWN_ADMIN");
		assertProblem(this.client.call(HttpMethod.PUT, "/api/users/" + java.util.UUID.randomUUID() + "/roles",
				this.admin, Map.of("roles", List.of("SELLER"))), HttpStatus.NOT_FOUND, "USER_NOT_FOUND");
		assertProblem(this.client.call(HttpMethod.GET, "/api/users?size=1000", this.admin, null),
				HttpStatus.BAD_REQUEST, null);
		assertProblem(this.client.call(HttpMethod.GET, "/api/users?page=-1", this.admin, null), HttpStatus.BAD_REQUEST,
				null);
		assertProblem(this.client.call(HttpMethod.GET, "/api/users?page=abc", this.admin, null), HttpStatus.BAD_REQUEST,
				null);
		assertThat(rolesOf(id)).containsExactly("CUSTOMER");
		assertThat(rolesOf(adminId)).containsExactly("ADMIN");
	}

	@Test
	void everyErrorIsAProblemDocument() {
		assertProblem(this.client.call(HttpMethod.GET, "/api/no-such-thing", this.admin, null), HttpStatus.NOT_FOUND,
				null);
		assertProblem(this.client.call(HttpMethod.DELETE, "/api/users/me", this.admin, null),
				HttpStatus.METHOD_NOT_ALLOWED, null);
		assertProblem(
				this.client.call(HttpMethod.PATCH, "/api/users/me", this.admin, null,
						(headers) -> headers.setContentType(org.springframework.http.MediaType.TEXT_PLAIN)),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
		assertProblem(this.client.call(HttpMethod.GET, "/api/users", "not.a.jwt", null), HttpStatus.UNAUTHORIZED, null);
		assertProblem(this.client.call(HttpMethod.GET, "/api/users", null, null), HttpStatus.UNAUTHORIZED, null);
	}

	private String idOf(String email) {
		return this.jdbc.sql("select id::text from users where email = ?").param(email).query(String.class).single();
	}

	private List<String> rolesOf(String id) {
		return this.jdbc.sql("select role from user_roles where user_id = ?::uuid order by role")
			.param(id)
			.query(String.class)
			.list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
