package dev.mercato.payment.provider;

import java.time.Duration;
import java.time.Instant;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WebhookSignatureTest {

	static final String SECRET = "whsec_test_secret";

	static final String PAYLOAD = "{\"id\":\"evt_1\",\"object\":\"event\"}";

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	@Test
	void aSignatureVerifiesAndStripesOwnLibraryAcceptsIt() throws Exception {
		Instant now = Instant.now();
		String header = WebhookSignature.sign(PAYLOAD, SECRET, now);
		assertThat(header).matches("t=[0-9]+,v1=[0-9a-f]{64}");
		assertThatNoException().isThrownBy(() -> WebhookSignature.verify(PAYLOAD, header, SECRET, TOLERANCE, now));
		// the sandbox signs exactly like Stripe: the official verifier agrees
		assertThat(Webhook.Signature.verifyHeader(PAYLOAD, header, SECRET, 300)).isTrue();
	}

	@Test
	void aTamperedPayloadOrAnotherSecretIsRejected() {
		Instant now = Instant.now();
		String header = WebhookSignature.sign(PAYLOAD, SECRET, now);
		assertThatExceptionOfType(InvalidWebhookException.class).isThrownBy(
				() -> WebhookSignature.verify(PAYLOAD.replace("evt_1", "evt_2"), header, SECRET, TOLERANCE, now));
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookSignature.verify(PAYLOAD, header, "whsec_other", TOLERANCE, now));
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookSignature.verify(PAYLOAD, null, SECRET, TOLERANCE, now));
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookSignature.verify(PAYLOAD, "t=abc,v1=00", SECRET, TOLERANCE, now));
	}

	@Test
	void anOldSignatureIsAReplayAndRejected() {
		Instant signedAt = Instant.now().minus(Duration.ofMinutes(6));
		String header = WebhookSignature.sign(PAYLOAD, SECRET, signedAt);
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookSignature.verify(PAYLOAD, header, SECRET, TOLERANCE, Instant.now()))
			.withMessageContaining("tolerance");
	}

	@Test
	void oneOfSeveralSignaturesMayMatchWhileSecretsRoll() {
		Instant now = Instant.now();
		String header = WebhookSignature.sign(PAYLOAD, SECRET, now);
		String rolled = header.replace(",v1=", ",v1=" + "0".repeat(64) + ",v1=");
		assertThatNoException().isThrownBy(() -> WebhookSignature.verify(PAYLOAD, rolled, SECRET, TOLERANCE, now));
	}

}
