package dev.mercato.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.mercato.identity.user.Email;
import dev.mercato.identity.user.Registration;
import dev.mercato.identity.user.Role;
import dev.mercato.identity.user.User;
import dev.mercato.platform.security.SecurityPlatformProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokenIssuerTest {

	// Now, not a date far off: the verifying decoder checks the timestamps against the
	// real clock.
	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final TokenProperties properties = new TokenProperties(Duration.ofMinutes(15), Duration.ofDays(30),
			Duration.ofMinutes(5), Duration.ofMinutes(30));

	private final SecurityPlatformProperties security = new SecurityPlatformProperties(null, null, null);

	private RSAKey key;

	private AccessTokenIssuer issuer;

	private User user;

	@BeforeEach
	void setUp() throws Exception {
		this.key = new RSAKeyGenerator(2048).keyID("key-1")
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.generate();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.key)));
		this.issuer = new AccessTokenIssuer(encoder, this.security, this.properties, Clock.fixed(NOW, ZoneOffset.UTC));
		this.user = User.create(new Registration(Email.of("Seller@Example.com"), "secret123", "Sam", "Seller", null,
				Set.of(Role.SELLER, Role.CUSTOMER)), "{noop}secret123", NOW);
	}

	@Test
	void carriesIdentityRolesAndStandardClaims() throws Exception {
		Jwt token = this.issuer.issue(this.user);

		Jwt verified = NimbusJwtDecoder.withPublicKey(this.key.toRSAPublicKey()).build().decode(token.getTokenValue());
		assertThat(verified.getSubject()).isEqualTo(this.user.getId().toString());
		assertThat(verified.getClaimAsString("email")).isEqualTo("seller@example.com");
		assertThat(verified.getClaimAsStringList("roles")).containsExactly("CUSTOMER", "SELLER");
		assertThat(verified.getClaimAsString("iss")).isEqualTo("mercato-identity");
		assertThat(verified.getAudience()).containsExactly("mercato");
		assertThat(verified.getId()).isNotBlank();
		assertThat(verified.getIssuedAt()).isEqualTo(NOW);
		assertThat(verified.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
	}

	@Test
	void headerNamesTheAlgorithmAndTheKey() {
		Jwt token = this.issuer.issue(this.user);

		assertThat(token.getHeaders()).containsEntry("alg", SignatureAlgorithm.RS256).containsEntry("kid", "key-1");
	}

	@Test
	void everyTokenHasItsOwnId() {
		assertThat(this.issuer.issue(this.user).getId()).isNotEqualTo(this.issuer.issue(this.user).getId());
	}

	@Test
	void aTokenSignedByAnotherKeyDoesNotVerify() throws Exception {
		RSAKey otherKey = new RSAKeyGenerator(2048).generate();
		String token = this.issuer.issue(this.user).getTokenValue();

		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> NimbusJwtDecoder.withPublicKey(otherKey.toRSAPublicKey()).build().decode(token));
	}

}
