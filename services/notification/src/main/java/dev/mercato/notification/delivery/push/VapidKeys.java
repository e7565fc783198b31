package dev.mercato.notification.delivery.push;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service's VAPID key pair: created once in the database, the same for every
 * instance, so browsers' subscriptions (made with the public key) stay valid.
 */
@Component
public class VapidKeys {

	private final JdbcClient jdbc;

	private volatile Keys keys;

	VapidKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The public key browsers subscribe with ({@code applicationServerKey}).
	 * @return base64url of the 65-byte uncompressed point
	 */
	public String publicKey() {
		return keys().publicKey();
	}

	PrivateKey privateKey() {
		return keys().privateKey();
	}

	private Keys keys() {
		Keys current = this.keys;
		if (current == null) {
			KeyPair candidate = WebPushCrypto.generateKeyPair();
			// the first instance wins; the others read its pair
			this.jdbc
				.sql("insert into vapid_keys (id, public_key, private_key) values (1, ?, ?) on conflict do nothing")
				.params(WebPushCrypto.base64Url(WebPushCrypto.uncompressed((ECPublicKey) candidate.getPublic())),
						Base64.getEncoder().encodeToString(candidate.getPrivate().getEncoded()))
				.update();
			current = this.jdbc.sql("select public_key, private_key from vapid_keys where id = 1")
				.query((rs, row) -> new Keys(rs.getString(1),
						WebPushCrypto.privateKey(Base64.getDecoder().decode(rs.getString(2)))))
				.single();
			this.keys = current;
		}
		return current;
	}

	private record Keys(String publicKey, PrivateKey privateKey) {

	}

}
