package dev.mercato.payment.provider;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature scheme: header {@code Stripe-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "t.payload">} (several {@code v1} entries allowed while a secret
 * rolls). Verification compares in constant time and rejects timestamps outside the
 * tolerance, so a captured webhook cannot be replayed later.
 */
public final class WebhookSignature {

	private WebhookSignature() {
	}

	/**
	 * The header value signing a payload.
	 * @param payload the exact body
	 * @param secret the endpoint secret
	 * @param at the signing time
	 * @return {@code t=…,v1=…}
	 */
	public static String sign(String payload, String secret, Instant at) {
		long t = at.getEpochSecond();
		return "t=" + t + ",v1=" + hmac(t + "." + payload, secret);
	}

	/**
	 * Verifies a header.
	 * @param payload the exact body received
	 * @param header the {@code Stripe-Signature} header
	 * @param secret the endpoint secret
	 * @param tolerance how old (or how far in the future) the timestamp may be
	 * @param now the current time
	 * @throws InvalidWebhookException when the header is missing or malformed, no
	 * signature matches, or the timestamp is outside the tolerance
	 */
	public static void verify(String payload, String header, String secret, Duration tolerance, Instant now) {
		if (header == null || header.isBlank()) {
			throw new InvalidWebhookException("Missing Stripe-Signature header");
		}
		Long timestamp = null;
		java.util.List<String> signatures = new java.util.ArrayList<>();
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length != 2) {
				continue;
			}
			if (pair[0].equals("t")) {
				try {
					timestamp = Long.parseLong(pair[1]);
				}
				catch (NumberFormatException ex) {
					throw new InvalidWebhookException("Malformed timestamp in Stripe-Signature");
				}
			}
			else if (pair[0].equals("v1")) {
				signatures.add(pair[1]);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw new InvalidWebhookException("Stripe-Signature lacks t= or v1=");
		}
		byte[] expected = hmac(timestamp + "." + payload, secret).getBytes(StandardCharsets.US_ASCII);
		boolean matches = signatures.stream()
			.anyMatch((candidate) -> MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII)));
		if (!matches) {
			throw new InvalidWebhookException("No signature matches the payload");
		}
		Duration age = Duration.between(Instant.ofEpochSecond(timestamp), now).abs();
		if (age.compareTo(tolerance) > 0) {
			throw new InvalidWebhookException("Signature timestamp outside the tolerance");
		}
	}

	private static String hmac(String data, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
