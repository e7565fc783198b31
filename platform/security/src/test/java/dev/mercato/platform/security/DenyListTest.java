package dev.mercato.platform.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class DenyListTest {

	private static final Instant ISSUED = Instant.parse("2026-12-04T10:00:00Z");

	private final Jwt token = Jwt.withTokenValue("t")
		.header("alg", "RS256")
		.subject("user-1")
		.jti("jti-1")
		.issuedAt(ISSUED)
		.expiresAt(ISSUED.plusSeconds(900))
		.build();

	@Test
	void keysAreTheFormatIdentityAndTheGatewayShare() {
		assertThat(new DenyList("p:").keysOf(this.token)).containsExactly("p:denylist:jti:jti-1",
				"p:denylist:user:user-1");
	}

	@Test
	void aTokenIsRevokedByItsIdOrWhenIssuedBeforeItsUsersNotBefore() {
		assertThat(DenyList.revoked(this.token, values(null, null))).isFalse();
		assertThat(DenyList.revoked(this.token, values("2026-12-04T10:05:00Z", null))).isTrue();
		assertThat(DenyList.revoked(this.token, values(null, DenyList.notBefore(ISSUED.plusMillis(1))))).isTrue();
		assertThat(DenyList.revoked(this.token, values(null, DenyList.notBefore(ISSUED)))).isFalse();
	}

	@Test
	void notBeforeRoundsUpToTheNextSecond() {
		assertThat(DenyList.notBefore(ISSUED)).isEqualTo(Long.toString(ISSUED.getEpochSecond()));
		assertThat(DenyList.notBefore(ISSUED.plusMillis(1))).isEqualTo(Long.toString(ISSUED.getEpochSecond() + 1));
	}

	private static List<String> values(String jti, String user) {
		return Arrays.asList(jti, user);
	}

}
