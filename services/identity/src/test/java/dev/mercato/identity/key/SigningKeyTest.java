package dev.mercato.identity.key;

import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyTest {

	@Test
	void storedFormRestoresTheSameKeyPair() throws Exception {
		SigningKey stored = SigningKey.generate(Instant.parse("2030-01-01T00:00:00Z"));

		RSAKey jwk = stored.toJwk();

		assertThat(jwk.getKeyID()).isEqualTo(stored.getKid());
		assertThat(jwk.isPrivate()).isTrue();
		assertThat(jwk.size()).isEqualTo(2048);
		assertThat(jwk.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwk.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
		// the two halves belong together
		assertThat(jwk.toRSAPrivateKey().getModulus()).isEqualTo(jwk.toRSAPublicKey().getModulus());
	}

	@Test
	void publishedFormHasNoPrivatePart() {
		RSAKey published = SigningKey.generate(Instant.now()).toJwk().toPublicJWK();

		assertThat(published.isPrivate()).isFalse();
		assertThat(published.toJSONObject()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
	}

}
