package dev.mercato.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.mercato.contracts.identity.v1.GetUserRequest;
import dev.mercato.contracts.identity.v1.User;
import dev.mercato.contracts.identity.v1.UserServiceGrpc;
import dev.mercato.contracts.identity.v1.ValidateUserRequest;
import dev.mercato.identity.auth.AccessTokenIssuer;
import dev.mercato.identity.support.EventCapture;
import dev.mercato.identity.support.IdentityClient;
import dev.mercato.platform.test.IsolatedInfrastructure;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

import static dev.mercato.identity.support.IdentityClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class IdentityApplicationIT {

	private static final String PASSWORD = "Secret123";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AmqpAdmin amqpAdmin;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Autowired
	AccessTokenIssuer tokens;

	private RestClient http;

	private ManagedChannel channel;

	@BeforeEach
	void setUp() {
		this.http = new IdentityClient(this.port).http();
		this.channel = ManagedChannelBuilder.forAddress("localhost", this.grpcServer.getPort()).usePlaintext().build();
	}

	@AfterEach
	void tearDown() {
		this.channel.shutdownNow();
	}

	@Test
	void registerCreatesACustomerAndPublishesUserCreated() {
		EventCapture events = EventCapture.bind(this.amqpAdmin, this.rabbit, "user.created");

		ResponseEntity<JsonNode> response = register("  New.Customer@Example.com ", PASSWORD);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode body = response.getBody();
		String id = body.get("id").asString();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(body.get("email").asString()).isEqualTo("new.customer@example.com");
		assertThat(body.get("firstName").asString()).isEqualTo("Ada");
		assertThat(body.get("lastName").asString()).isEqualTo("Lovelace");
		assertThat(body.get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
		assertThat(body.has("password")).isFalse();

		Map<String, Object> outboxRow = this.jdbc
			.sql("select exchange, routing_key, type, payload from outbox where subject = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(outboxRow).containsEntry("exchange", "user.events")
			.containsEntry("routing_key", "user.created")
			.containsEntry("type", "mercato.user.created.v1");

		// Other tests register users too: skip their events, wait for this one (checked
		// against the contract's schemas on the way).
		JsonNode event = events.awaitSubject(id);
		assertThat(event.get("type").asString()).isEqualTo("mercato.user.created.v1");
		assertThat(event.get("source").asString()).isEqualTo("/identity");
		JsonNode data = event.get("data");
		assertThat(data.get("userId").asString()).isEqualTo(id);
		assertThat(data.get("email").asString()).isEqualTo("new.customer@example.com");
		assertThat(data.get("firstName").asString()).isEqualTo("Ada");
		assertThat(data.get("lastName").asString()).isEqualTo("Lovelace");
		assertThat(data.get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
	}

	@Test
	void theAliasPathRegistersToo() {
		ResponseEntity<JsonNode> response = this.http.post()
			.uri("/api/users/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "alias@example.com", "password", PASSWORD, "firstName", "Al", "lastName", "Ias"))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody().get("email").asString()).isEqualTo("alias@example.com");
	}

	@Test
	void aSecondAccountForTheSameEmailInAnyCaseIsAConflict() {
		assertThat(register("twice@example.com", PASSWORD).getStatusCode()).isEqualTo(HttpStatus.CREATED);

		ResponseEntity<JsonNode> response = register("TWICE@example.com", PASSWORD);

		assertProblem(response, HttpStatus.CONFLICT, "EMAIL_TAKEN");
		assertThat(count("select count(*) from users where email = 'twice@example.com'")).isOne();
		assertThat(count("select count(*) from outbox o join users u on o.subject = u.id::text"
				+ " where u.email = 'twice@example.com'"))
			.isOne();
	}

	@Test
	void invalidFieldsAreA400ListingEachFieldAndChangeNothing() {
		long usersBefore = count("select count(*) from users");

		ResponseEntity<JsonNode> response = this.http.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "not-an-email", "password", "short", "firstName", " ", "lastName", "Valid"))
			.retrieve()
			.toEntity(JsonNode.class);

		assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		assertThat(response.getBody().get("errors").values()).extracting((error) -> error.get("field").asString())
			.containsExactlyInAnyOrder("email", "password", "firstName");
		assertThat(count("select count(*) from users")).isEqualTo(usersBefore);
	}

	@Test
	void aPasswordWithoutADigitIsAFieldError() {
		ResponseEntity<JsonNode> response = register("nodigit@example.com", "onlyletters");

		assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
		JsonNode error = response.getBody().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("password");
		assertThat(error.get("message").asString()).contains("letter and a digit");
	}

	@Test
	void malformedJsonIsA400NotA500() {
		ResponseEntity<JsonNode> response = this.http.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\": \"broken@example.com\", ")
			.retrieve()
			.toEntity(JsonNode.class);

		assertProblem(response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
	}

	@Test
	void loginIssuesAnAccessTokenAndAStoredHashedRefreshToken() throws Exception {
		String userId = register("login@example.com", PASSWORD).getBody().get("id").asString();

		ResponseEntity<JsonNode> response = login("Login@Example.com", PASSWORD);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = response.getBody();
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
		assertThat(body.get("accessToken").asString()).isNotBlank();
		String refreshToken = body.get("refreshToken").asString();
		assertThat(refreshToken).hasSizeGreaterThanOrEqualTo(43);
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> stored = this.jdbc
			.sql("select user_id, token_hash, expires_at > now() + interval '29 days' as long_lived from refresh_tokens"
					+ " where token_hash = ?")
			.param(hash)
			.query()
			.singleRow();
		assertThat(stored).containsEntry("user_id", UUID.fromString(userId)).containsEntry("long_lived", true);
		assertThat(count("select count(*) from refresh_tokens where token_hash = '" + refreshToken + "'")).isZero();
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailGetTheSame401() {
		register("guarded@example.com", PASSWORD);

		ResponseEntity<JsonNode> wrongPassword = login("guarded@example.com", "Wrong1234");
		ResponseEntity<JsonNode> unknownEmail = login("nobody@example.com", PASSWORD);

		assertProblem(wrongPassword, HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
		assertProblem(unknownEmail, HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
		assertThat(unknownEmail.getBody().get("detail")).isEqualTo(wrongPassword.getBody().get("detail"));
	}

	@Test
	void meAnswersTheProfileOfTheTokensUser() {
		String id = register("me@example.com", PASSWORD).getBody().get("id").asString();
		String token = accessToken("me@example.com");

		ResponseEntity<JsonNode> response = me("Bearer " + token);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = response.getBody();
		assertThat(body.get("id").asString()).isEqualTo(id);
		assertThat(body.get("email").asString()).isEqualTo("me@example.com");
		assertThat(body.get("firstName").asString()).isEqualTo("Ada");
		assertThat(body.get("lastName").asString()).isEqualTo("Lovelace");
		assertThat(body.get("phone").asString()).isEqualTo("+44 20 7946 0958");
		assertThat(body.get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
		assertThat(body.get("createdAt").asString()).isNotBlank();
	}

	@Test
	void meWithoutATokenIs401() {
		assertProblem(me(null), HttpStatus.UNAUTHORIZED, null);
	}

	@Test
	void meWithATamperedTokenIs401() {
		register("tamper@example.com", PASSWORD);
		String[] parts = accessToken("tamper@example.com").split("\\.");
		// Same signature, different claims: pretend to be someone else.
		String forgedClaims = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("tamper@example.com", "admin@example.com")
				.getBytes(StandardCharsets.UTF_8));
		String tampered = parts[0] + "." + forgedClaims + "." + parts[2];

		assertProblem(me("Bearer " + tampered), HttpStatus.UNAUTHORIZED, null);
	}

	@Test
	void theJwksVerifiesIssuedTokensAndHoldsNoPrivateKey() throws Exception {
		String userId = register("jwks@example.com", PASSWORD).getBody().get("id").asString();
		String token = accessToken("jwks@example.com");

		String jwks = this.http.get().uri("/.well-known/jwks.json").retrieve().body(String.class);

		JWKSet set = JWKSet.parse(jwks);
		assertThat(set.getKeys()).isNotEmpty().allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
		assertThat(jwks).doesNotContain("\"d\"");
		Jwt verified = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(set))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build()
			.decode(token);
		assertThat(verified.getSubject()).isEqualTo(userId);
		assertThat(verified.getHeaders().get("kid")).isEqualTo(set.getKeys().get(0).getKeyID());
		assertThat(verified.getClaimAsString("email")).isEqualTo("jwks@example.com");
		assertThat(verified.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
		assertThat(verified.getClaimAsString("iss")).isEqualTo("mercato-identity");
		assertThat(verified.getAudience()).containsExactly("mercato");
		assertThat(verified.getId()).isNotBlank();
		List<String> storedKids = this.jdbc.sql("select kid from signing_keys where active").query(String.class).list();
		assertThat(storedKids).containsExactly(verified.getHeaders().get("kid").toString());
	}

	@Test
	void grpcGetUserAnswersTheProfile() {
		String id = register("grpc@example.com", PASSWORD).getBody().get("id").asString();
		UserServiceGrpc.UserServiceBlockingStub stub = stub(accessToken("grpc@example.com"));

		User user = stub.getUser(GetUserRequest.newBuilder().setUserId(id).build());

		assertThat(user.getId()).isEqualTo(id);
		assertThat(user.getEmail()).isEqualTo("grpc@example.com");
		assertThat(user.getFirstName()).isEqualTo("Ada");
		assertThat(user.getLastName()).isEqualTo("Lovelace");
		assertThat(user.getPhone()).isEqualTo("+44 20 7946 0958");
		assertThat(user.getRolesList()).containsExactly("CUSTOMER");
		assertThat(user.getActive()).isTrue();
		assertThat(stub.validateUser(ValidateUserRequest.newBuilder().setUserId(id).build()).getValid()).isTrue();
	}

	@Test
	void grpcAnswersNotFoundForAnUnknownIdAndInvalidArgumentForAMalformedOne() {
		UserServiceGrpc.UserServiceBlockingStub stub = stub(this.tokens.issueForService("ordering").getTokenValue());

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> stub.getUser(GetUserRequest.newBuilder().setUserId(UUID.randomUUID().toString()).build()))
			.extracting((ex) -> ex.getStatus().getCode())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> stub.getUser(GetUserRequest.newBuilder().setUserId("42").build()))
			.extracting((ex) -> ex.getStatus().getCode())
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(stub.validateUser(ValidateUserRequest.newBuilder().setUserId(UUID.randomUUID().toString()).build()))
			.satisfies((reply) -> {
				assertThat(reply.getValid()).isFalse();
				assertThat(reply.getReason()).isEqualTo("not_found");
			});
	}

	private UserServiceGrpc.UserServiceBlockingStub stub(String bearer) {
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + bearer);
		return UserServiceGrpc.newBlockingStub(this.channel)
			.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	private ResponseEntity<JsonNode> register(String email, String password) {
		return this.http.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", password, "firstName", "Ada", "lastName", "Lovelace", "phone",
					"+44 20 7946 0958"))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> login(String email, String password) {
		return this.http.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", password))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private String accessToken(String email) {
		ResponseEntity<JsonNode> response = login(email, PASSWORD);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody().get("accessToken").asString();
	}

	private ResponseEntity<JsonNode> me(String authorization) {
		return this.http.get().uri("/api/users/me").headers((headers) -> {
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}).retrieve().toEntity(JsonNode.class);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
