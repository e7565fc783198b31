package dev.mercato.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for identity in a service's tests: an RSA key whose JWK set is served over
 * HTTP on a random local port, and access tokens shaped exactly like identity's (RS256,
 * {@code kid}, {@code sub}, {@code email}, {@code roles}, {@code jti}, issuer
 * {@code mercato-identity}, audience {@code mercato}), plus tampered ones.
 * <p>
 * In a Spring integration test point the service at it: <pre>{@code
 * &#64;DynamicPropertySource
 * static void jwt(DynamicPropertyRegistry registry) {
 *     registry.add("mercato.security.jwt.jwks-uri", () -> TestJwtIssuer.shared().jwksUri());
 * }
 * }</pre>
 */
public final class TestJwtIssuer {

	private static final String ISSUER = "mercato-identity";

	private static final String AUDIENCE = "mercato";

	private static volatile TestJwtIssuer shared;

	private final KeyPair keys = generate();

	private final String kid = "test-" + UUID.randomUUID();

	private final HttpServer server;

	private TestJwtIssuer() {
		this.server = serveJwks();
	}

	/**
	 * The issuer of this JVM, started on first use.
	 * @return the shared issuer
	 */
	public static TestJwtIssuer shared() {
		if (shared == null) {
			synchronized (TestJwtIssuer.class) {
				if (shared == null) {
					shared = new TestJwtIssuer();
				}
			}
		}
		return shared;
	}

	/**
	 * Where the JWK set is served.
	 * @return the URI for {@code mercato.security.jwt.jwks-uri}
	 */
	public String jwksUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	/**
	 * A valid 15-minute access token of a user.
	 * @param userId the user id ({@code sub})
	 * @param roles role names, e.g. {@code CUSTOMER}
	 * @return the serialized JWT
	 */
	public String token(UUID userId, String... roles) {
		return sign(this.keys,
				claims(userId.toString(), List.of(roles), ISSUER, AUDIENCE, Instant.now().plusSeconds(900)));
	}

	/**
	 * A valid service token, as identity issues to services for internal calls.
	 * @param serviceName e.g. {@code ordering}
	 * @return the serialized JWT with {@code sub} {@code service:<name>} and role SERVICE
	 */
	public String serviceToken(String serviceName) {
		return sign(this.keys,
				claims("service:" + serviceName, List.of("SERVICE"), ISSUER, AUDIENCE, Instant.now().plusSeconds(300)));
	}

	/**
	 * A token that expired ten minutes ago.
	 * @param userId the user id
	 * @return the serialized JWT
	 */
	public String expired(UUID userId) {
		return sign(this.keys,
				claims(userId.toString(), List.of("CUSTOMER"), ISSUER, AUDIENCE, Instant.now().minusSeconds(600)));
	}

	/**
	 * A token for another audience.
	 * @param userId the user id
	 * @return the serialized JWT
	 */
	public String wrongAudience(UUID userId) {
		return sign(this.keys,
				claims(userId.toString(), List.of("CUSTOMER"), ISSUER, "other", Instant.now().plusSeconds(900)));
	}

	/**
	 * An ADMIN token signed by a key the JWK set does not contain.
	 * @param userId the user id
	 * @return the serialized JWT
	 */
	public String signedWithAnotherKey(UUID userId) {
		return sign(generate(),
				claims(userId.toString(), List.of("ADMIN"), ISSUER, AUDIENCE, Instant.now().plusSeconds(900)));
	}

	/**
	 * An ADMIN token with {@code alg: none} and no signature.
	 * @param userId the user id
	 * @return the serialized JWT
	 */
	public String unsigned(UUID userId) {
		return new PlainJWT(
				claims(userId.toString(), List.of("ADMIN"), ISSUER, AUDIENCE, Instant.now().plusSeconds(900)))
			.serialize();
	}

	private JWTClaimsSet claims(String subject, List<String> roles, String issuer, String audience, Instant expiry) {
		return new JWTClaimsSet.Builder().subject(subject)
			.claim("email", subject.startsWith("service:") ? null : "user-" + subject + "@example.com")
			.claim("roles", roles)
			.issuer(issuer)
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(expiry.minusSeconds(900)))
			.expirationTime(Date.from(expiry))
			.build();
	}

	private String sign(KeyPair keyPair, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.kid).build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keyPair.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpServer serveJwks() {
		String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) this.keys.getPublic()).keyID(this.kid).build())
			.toString();
		byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
		try {
			HttpServer jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			jwksServer.createContext("/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			jwksServer.setExecutor(null);
			jwksServer.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> jwksServer.stop(0)));
			return jwksServer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
