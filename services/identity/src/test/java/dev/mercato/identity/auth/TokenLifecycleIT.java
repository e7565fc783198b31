package dev.mercato.identity.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.mercato.contracts.identity.v1.GetUserRequest;
import dev.mercato.contracts.identity.v1.UserServiceGrpc;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static dev.mercato.identity.support.IdentityClient.PASSWORD;
import static dev.mercato.identity.support.IdentityClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Refresh-token rotation and reuse detection, logout with the access-token deny-list,
 * service tokens, and gRPC requiring a token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@IsolatedInfrastructure
class TokenLifecycleIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Value("${mercato.redis.key-prefix}")
	String keyPrefix;

	private IdentityClient client;

	private ManagedChannel channel;

	@BeforeEach
	void setUp() {
		this.client = new IdentityClient(this.port);
		this.channel = ManagedChannelBuilder.forAddress("localhost", this.grpcServer.getPort()).usePlaintext().build();
	}

	@AfterEach
	void tearDown() {
		this.channel.shutdownNow();
	}

	@Test
	void refreshRotatesTheTokenAndIssuesANewPair() {
		String id = this.client.register("rotate@example.com");
		JsonNode first = this.client.tokens("rotate@example.com", PASSWORD);

		ResponseEntity<JsonNode> refreshed = this.client.refresh(first.get("refreshToken").asString());

		assertThat(refreshed.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode second = refreshed.getBody();
		assertThat(second.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(second.get("refreshToken").asString()).isNotEqualTo(first.get("refreshToken").asString());
		assertThat(second.get("accessToken").asString()).isNotEqualTo(first.get("accessToken").asString());
		assertThat(this.client.me(second.get("accessToken").asString()).getBody().get("id").asString()).isEqualTo(id);
		Map<String, Object> family = this.jdbc
			.sql("select count(*) as tokens, count(distinct family_id) as families, count(used_at) as used"
					+ " from refresh_tokens where user_id = ?")
			.param(UUID.fromString(id))
			.query()
			.singleRow();
		assertThat(family).containsEntry("tokens", 2L).containsEntry("families", 1L).containsEntry("used", 1L);
		// and the new one works in turn
		assertThat(this.client.refresh(second.get("refreshToken").asString()).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void reusingAUsedRefreshTokenRevokesTheWholeFamily() {
		String id = this.client.register("stolen@example.com");
		String original = this.client.tokens("stolen@example.com", PASSWORD).get("refreshToken").asString();
		String otherSession = this.client.tokens("stolen@example.com", PASSWORD).get("refreshToken").asString();
		// the legitimate client rotates...
		String sibling = this.client.refresh(original).getBody().get("refreshToken").asString();

		// ...then the stolen copy of the old token is replayed
		ResponseEntity<JsonNode> replay = this.client.refresh(original);

		assertProblem(replay, HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN");
		assertProblem(this.client.refresh(sibling), HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN");
		assertThat(this.jdbc
			.sql("select count(*) from refresh_tokens where user_id = ? and revoked_at is null and used_at is null")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).as("only the other login's token is still usable").isOne();
		assertThat(this.client.refresh(otherSession).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void unknownRefreshTokensAndBadBodiesAreRefused() {
		assertProblem(this.client.refresh("not-a-token"), HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN");
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/refresh", null, "{\"refreshToken\": "),
				HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/refresh", null, "{\"refreshToken\": {\"a\": 1}}"),
				HttpStatus.BAD_REQUEST, null);
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/refresh", null, Map.of()), HttpStatus.BAD_REQUEST,
				"VALIDATION_FAILED");
	}

	@Test
	void afterLogoutTheAccessTokenAndTheRefreshTokenAreRejected() {
		this.client.register("logout@example.com");
		JsonNode tokens = this.client.tokens("logout@example.com", PASSWORD);
		String access = tokens.get("accessToken").asString();
		String refresh = tokens.get("refreshToken").asString();
		assertThat(this.client.me(access).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<JsonNode> logout = this.client.call(HttpMethod.POST, "/api/auth/logout", access,
				Map.of("refreshToken", refresh));

		assertThat(logout.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertProblem(this.client.me(access), HttpStatus.UNAUTHORIZED, null);
		assertProblem(this.client.refresh(refresh), HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN");
		// the key the gateway checks too, living as long as the token would have
		String key = this.keyPrefix + "denylist:jti:" + jti(access);
		assertThat(this.redis.hasKey(key)).isTrue();
		assertThat(this.redis.getExpire(key)).isBetween(800L, 901L);
		// a fresh login is a new session and works
		assertThat(this.client.me(this.client.tokens("logout@example.com", PASSWORD).get("accessToken").asString())
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void logoutWithoutABodyDenyListsTheAccessTokenOnly() {
		this.client.register("logout2@example.com");
		JsonNode tokens = this.client.tokens("logout2@example.com", PASSWORD);
		String access = tokens.get("accessToken").asString();

		assertThat(this.client.call(HttpMethod.POST, "/api/auth/logout", access, null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		assertProblem(this.client.me(access), HttpStatus.UNAUTHORIZED, null);
		assertThat(this.client.refresh(tokens.get("refreshToken").asString()).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void logoutCannotRevokeSomebodyElsesRefreshToken() {
		this.client.register("victim@example.com");
		this.client.register("attacker@example.com");
		String victimRefresh = this.client.tokens("victim@example.com", PASSWORD).get("refreshToken").asString();
		String attacker = this.client.tokens("attacker@example.com", PASSWORD).get("accessToken").asString();

		this.client.call(HttpMethod.POST, "/api/auth/logout", attacker, Map.of("refreshToken", victimRefresh));

		assertThat(this.client.refresh(victimRefresh).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void logoutWithoutATokenIs401() {
		assertProblem(this.client.call(HttpMethod.POST, "/api/auth/logout", null, null), HttpStatus.UNAUTHORIZED, null);
	}

	@Test
	void aServiceObtainsAShortLivedServiceToken() throws Exception {
		ResponseEntity<JsonNode> response = serviceToken("client_credentials", basic("catalog", "dev-secret-catalog"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(response.getBody().get("expiresIn").asLong()).isEqualTo(300);
		JWKSet jwks = JWKSet
			.parse(this.client.http().get().uri("/.well-known/jwks.json").retrieve().body(String.class));
		Jwt token = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(jwks))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build()
			.decode(response.getBody().get("accessToken").asString());
		assertThat(token.getSubject()).isEqualTo("service:catalog");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("SERVICE");
		assertThat(token.getAudience()).containsExactly("mercato");
		assertThat(token.getExpiresAt()).isBetween(token.getIssuedAt().plusSeconds(299),
				token.getIssuedAt().plusSeconds(301));
	}

	@Test
	void wrongClientCredentialsAre401AndAWrongGrantTypeIs400() {
		assertProblem(serviceToken("client_credentials", basic("catalog", "dev-secret-inventory")),
				HttpStatus.UNAUTHORIZED, "INVALID_CLIENT");
		assertProblem(serviceToken("client_credentials", basic("stranger", "dev-secret-stranger")),
				HttpStatus.UNAUTHORIZED, "INVALID_CLIENT");
		assertProblem(serviceToken("client_credentials", null), HttpStatus.UNAUTHORIZED, "INVALID_CLIENT");
		assertProblem(serviceToken("client_credentials", "Basic %%%"), HttpStatus.UNAUTHORIZED, "INVALID_CLIENT");
		assertProblem(serviceToken("password", basic("catalog", "dev-secret-catalog")), HttpStatus.BAD_REQUEST, null);
	}

	@Test
	void grpcRequiresAToken() {
		String id = this.client.register("grpc-auth@example.com");
		String serviceToken = serviceToken("client_credentials", basic("ordering", "dev-secret-ordering")).getBody()
			.get("accessToken")
			.asString();
		GetUserRequest request = GetUserRequest.newBuilder().setUserId(id).build();

		assertThat(stub(serviceToken).getUser(request).getEmail()).isEqualTo("grpc-auth@example.com");
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> stub(null).getUser(request))
			.extracting((ex) -> ex.getStatus().getCode())
			.isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> stub(serviceToken.substring(0, serviceToken.length() - 4) + "AAAA").getUser(request))
			.extracting((ex) -> ex.getStatus().getCode())
			.isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	@Test
	void grpcRefusesALoggedOutUserToken() {
		String id = this.client.register("grpc-logout@example.com");
		String access = this.client.tokens("grpc-logout@example.com", PASSWORD).get("accessToken").asString();
		GetUserRequest request = GetUserRequest.newBuilder().setUserId(id).build();
		assertThat(stub(access).getUser(request).getId()).isEqualTo(id);

		this.client.call(HttpMethod.POST, "/api/auth/logout", access, null);

		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> stub(access).getUser(request))
			.extracting((ex) -> ex.getStatus().getCode())
			.isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	@Test
	void overGrpcAUserReadsOnlyThemselvesAServiceAnyone() {
		String alice = this.client.register("grpc-alice@example.com");
		String bob = this.client.register("grpc-bob@example.com");
		String aliceToken = this.client.tokens("grpc-alice@example.com", PASSWORD).get("accessToken").asString();
		String serviceToken = serviceToken("client_credentials", basic("ordering", "dev-secret-ordering")).getBody()
			.get("accessToken")
			.asString();

		assertThat(stub(aliceToken).getUser(GetUserRequest.newBuilder().setUserId(alice).build()).getId())
			.isEqualTo(alice);
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> stub(aliceToken).getUser(GetUserRequest.newBuilder().setUserId(bob).build()))
			.extracting((ex) -> ex.getStatus().getCode())
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(stub(serviceToken).getUser(GetUserRequest.newBuilder().setUserId(bob).build()).getId())
			.isEqualTo(bob);
	}

	private UserServiceGrpc.UserServiceBlockingStub stub(String bearer) {
		UserServiceGrpc.UserServiceBlockingStub stub = UserServiceGrpc.newBlockingStub(this.channel);
		if (bearer == null) {
			return stub;
		}
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + bearer);
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	private ResponseEntity<JsonNode> serviceToken(String grantType, String authorization) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", grantType);
		return this.client.http().post().uri("/api/auth/service-token").headers((headers) -> {
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toEntity(JsonNode.class);
	}

	private static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static String jti(String accessToken) {
		String claims = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(claims).get("jti").asString();
	}

}
