package dev.mercato.notification.delivery.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web Push message encryption (RFC 8291, {@code aes128gcm} of RFC 8188) and VAPID
 * signatures (RFC 8292) with the JDK's own cryptography: P-256 ECDH, HKDF-SHA-256,
 * AES-128-GCM, ES256.
 */
public final class WebPushCrypto {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

	private static final int RECORD_SIZE = 4096;

	private WebPushCrypto() {
	}

	/**
	 * A new P-256 key pair.
	 * @return the key pair
	 */
	public static KeyPair generateKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Encrypts a payload for one subscription: salt, record size, the sender's ephemeral
	 * public key, then the AES-128-GCM ciphertext of the payload and its delimiter.
	 * @param payload the plaintext (at most ~3.9 kB)
	 * @param p256dh the subscription's public key, 65 bytes uncompressed
	 * @param auth the subscription's 16-byte secret
	 * @return the request body
	 */
	public static byte[] encrypt(byte[] payload, byte[] p256dh, byte[] auth) {
		try {
			ECPublicKey receiver = publicKey(p256dh);
			KeyPair ephemeral = generateKeyPair();
			byte[] senderPublic = uncompressed((ECPublicKey) ephemeral.getPublic());
			KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
			agreement.init(ephemeral.getPrivate());
			agreement.doPhase(receiver, true);
			byte[] sharedSecret = agreement.generateSecret();

			byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] { 0 }, p256dh,
					senderPublic);
			byte[] ikm = hkdf(auth, sharedSecret, keyInfo, 32);
			byte[] salt = new byte[16];
			RANDOM.nextBytes(salt);
			byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
			byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			// one record: the payload, then the last-record delimiter 0x02
			byte[] ciphertext = cipher.doFinal(concat(payload, new byte[] { 2 }));
			ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + senderPublic.length + ciphertext.length);
			body.put(salt).putInt(RECORD_SIZE).put((byte) senderPublic.length).put(senderPublic).put(ciphertext);
			return body.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot encrypt for this subscription: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Decrypts a body {@link #encrypt} produced, as the browser does (tests use it).
	 * @param body the request body
	 * @param receiver the subscription's key pair
	 * @param auth the subscription's secret
	 * @return the payload
	 */
	public static byte[] decrypt(byte[] body, KeyPair receiver, byte[] auth) {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(body);
			byte[] salt = new byte[16];
			buffer.get(salt);
			buffer.getInt();
			byte[] senderPublic = new byte[buffer.get()];
			buffer.get(senderPublic);
			byte[] ciphertext = new byte[buffer.remaining()];
			buffer.get(ciphertext);
			KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
			agreement.init(receiver.getPrivate());
			agreement.doPhase(publicKey(senderPublic), true);
			byte[] receiverPublic = uncompressed((ECPublicKey) receiver.getPublic());
			byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] { 0 },
					receiverPublic, senderPublic);
			byte[] ikm = hkdf(auth, agreement.generateSecret(), keyInfo, 32);
			byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
			byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			byte[] padded = cipher.doFinal(ciphertext);
			int end = padded.length - 1;
			while (end >= 0 && padded[end] == 0) {
				end--;
			}
			if (end < 0 || padded[end] != 2) {
				throw new IllegalArgumentException("no last-record delimiter");
			}
			return Arrays.copyOf(padded, end);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot decrypt: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A VAPID JWT (ES256) for a push service.
	 * @param audience the push service's origin, e.g. {@code https://fcm.googleapis.com}
	 * @param subject the contact, {@code mailto:} or {@code https:}
	 * @param expiresAt expiry in epoch seconds (at most 24 h ahead)
	 * @param privateKey the VAPID private key
	 * @return the compact JWT
	 */
	public static String vapidJwt(String audience, String subject, long expiresAt, PrivateKey privateKey) {
		String header = B64URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
		String claims = B64URL.encodeToString(
				("{\"aud\":\"" + json(audience) + "\",\"exp\":" + expiresAt + ",\"sub\":\"" + json(subject) + "\"}")
					.getBytes(StandardCharsets.UTF_8));
		String signingInput = header + "." + claims;
		try {
			Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
			signature.initSign(privateKey);
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + B64URL.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A P-256 public key from its 65-byte uncompressed form.
	 * @param uncompressed {@code 0x04 || X || Y}
	 * @return the key
	 * @throws GeneralSecurityException when the bytes are not a P-256 point
	 */
	public static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		if (uncompressed.length != 65 || uncompressed[0] != 4) {
			throw new GeneralSecurityException("not an uncompressed P-256 point (65 bytes starting 0x04)");
		}
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
	}

	/**
	 * A private key from its PKCS#8 encoding.
	 * @param pkcs8 the encoding
	 * @return the key
	 */
	public static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The 65-byte uncompressed form of a P-256 public key.
	 * @param key the key
	 * @return {@code 0x04 || X || Y}
	 */
	public static byte[] uncompressed(ECPublicKey key) {
		byte[] out = new byte[65];
		out[0] = 4;
		copyUnsigned(key.getW().getAffineX(), out, 1);
		copyUnsigned(key.getW().getAffineY(), out, 33);
		return out;
	}

	/**
	 * Base64url without padding.
	 * @param bytes the bytes
	 * @return the text
	 */
	public static String base64Url(byte[] bytes) {
		return B64URL.encodeToString(bytes);
	}

	/**
	 * Decodes base64url, with or without padding.
	 * @param text the text
	 * @return the bytes
	 * @throws IllegalArgumentException when it is not base64url
	 */
	public static byte[] fromBase64Url(String text) {
		return B64URL_DECODER.decode(text.replace('+', '-').replace('/', '_').replace("=", ""));
	}

	private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
		byte[] bytes = value.toByteArray();
		int start = (bytes.length > 32) ? bytes.length - 32 : 0;
		int length = bytes.length - start;
		System.arraycopy(bytes, start, out, offset + 32 - length, length);
	}

	// HKDF-SHA-256 (RFC 5869) for outputs of at most 32 bytes: one HMAC block.
	private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt, "HmacSHA256"));
		byte[] prk = mac.doFinal(ikm);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		mac.update(info);
		mac.update((byte) 1);
		return Arrays.copyOf(mac.doFinal(), length);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] out = new byte[length];
		int offset = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, out, offset, part.length);
			offset += part.length;
		}
		return out;
	}

	private static String json(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
