package dev.mercato.notification.delivery.push;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebPushCryptoTest {

	@Test
	void aBrowserDecryptsWhatWasEncryptedForIt() {
		KeyPair browser = WebPushCrypto.generateKeyPair();
		byte[] auth = "sixteen-byte-key".getBytes(StandardCharsets.US_ASCII);
		byte[] p256dh = WebPushCrypto.uncompressed((ECPublicKey) browser.getPublic());
		byte[] payload = "{\"title\":\"Hällo\"}".getBytes(StandardCharsets.UTF_8);

		byte[] body = WebPushCrypto.encrypt(payload, p256dh, auth);

		// salt(16) rs(4) idlen(1) keyid(65) ciphertext(payload + delimiter + 16-byte tag)
		assertThat(body).hasSize(16 + 4 + 1 + 65 + payload.length + 1 + 16);
		assertThat(Arrays.copyOfRange(body, 16, 20)).containsExactly(0, 0, 16, 0);
		assertThat(body[20]).isEqualTo((byte) 65);
		assertThat(WebPushCrypto.decrypt(body, browser, auth)).isEqualTo(payload);
		// fresh salt and ephemeral key each time
		assertThat(WebPushCrypto.encrypt(payload, p256dh, auth)).isNotEqualTo(body);
	}

	@Test
	void anotherBrowserOrATamperedBodyCannotDecrypt() {
		KeyPair browser = WebPushCrypto.generateKeyPair();
		byte[] auth = new byte[16];
		byte[] body = WebPushCrypto.encrypt("hi".getBytes(StandardCharsets.UTF_8),
				WebPushCrypto.uncompressed((ECPublicKey) browser.getPublic()), auth);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> WebPushCrypto.decrypt(body, WebPushCrypto.generateKeyPair(), auth));
		body[body.length - 1] ^= 1;
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> WebPushCrypto.decrypt(body, browser, auth));
	}

	@Test
	void aKeyThatIsNotAP256PointIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> WebPushCrypto.encrypt(new byte[1], new byte[65], new byte[16]));
		assertThatExceptionOfType(java.security.GeneralSecurityException.class)
			.isThrownBy(() -> WebPushCrypto.publicKey(new byte[33]));
	}

	@Test
	void theVapidTokenIsAnEs256JwtOverTheAudience() throws Exception {
		KeyPair vapid = WebPushCrypto.generateKeyPair();
		String jwt = WebPushCrypto.vapidJwt("https://push.example", "mailto:ops@mercato.dev", 1_900_000_000L,
				vapid.getPrivate());
		String[] parts = jwt.split("\\.");
		assertThat(new String(WebPushCrypto.fromBase64Url(parts[0]), StandardCharsets.UTF_8))
			.isEqualTo("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
		assertThat(new String(WebPushCrypto.fromBase64Url(parts[1]), StandardCharsets.UTF_8))
			.isEqualTo("{\"aud\":\"https://push.example\",\"exp\":1900000000,\"sub\":\"mailto:ops@mercato.dev\"}");
		assertThat(WebPushCrypto.fromBase64Url(parts[2])).hasSize(64);
		Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
		signature.initVerify(vapid.getPublic());
		signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(signature.verify(WebPushCrypto.fromBase64Url(parts[2]))).isTrue();
	}

}
