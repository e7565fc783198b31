package dev.mercato.identity.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The keys that sign and verify access tokens, read from the {@code signing_keys} table
 * and cached. The first instance to start on an empty database generates the first key;
 * the table lock makes concurrent first starts agree on a single key.
 * <p>
 * A request never waits for the table: the cache is refreshed by one background reload at
 * a time while requests go on with the last snapshot. A request that waited for a reload
 * (which needs a pooled connection) while others held every connection and waited too
 * stalled identity until the pool timed out, every five minutes under sustained logins.
 */
@Component
public class SigningKeys implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	// Another instance may rotate keys: re-read the table now and then, and soon (at most
	// every MIN_RELOAD_INTERVAL) when a token names a key we have not seen.
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(10);

	// How long a token naming an unknown key waits for the reload it started; a bound, so
	// that even a caller holding a connection cannot wait on a reload needing one for
	// long.
	private static final Duration UNKNOWN_KEY_WAIT = Duration.ofSeconds(2);

	private final SigningKeyRepository repository;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AtomicReference<CompletableFuture<Snapshot>> reloading = new AtomicReference<>();

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

	private final AtomicLong loads = new AtomicLong();

	private final KeyRotationProperties rotation;

	private final Duration accessTokenTtl;

	SigningKeys(SigningKeyRepository repository, JdbcClient jdbc, TransactionOperations transactions, Clock clock,
			KeyRotationProperties rotation,
			@Value("${mercato.identity.tokens.access-token-ttl:15m}") Duration accessTokenTtl) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.rotation = rotation;
		this.accessTokenTtl = accessTokenTtl;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Fail at start-up, not at the first login, when the keys cannot be read or made.
		load();
	}

	/**
	 * The source {@code NimbusJwtEncoder} signs with: only the active key pair.
	 * @return a JWK source holding exactly one private key
	 */
	public JWKSource<SecurityContext> signingKeySource() {
		return (selector, context) -> selector.select(new JWKSet(current().active()));
	}

	/**
	 * The source a local {@code JwtDecoder} verifies with: every published key.
	 * @return a JWK source over all non-retired keys
	 */
	public JWKSource<SecurityContext> verificationKeySource() {
		return (selector, context) -> {
			Snapshot current = current();
			List<JWK> found = selector.select(current.keys());
			if (found.isEmpty() && current.loadedAt().plus(MIN_RELOAD_INTERVAL).isBefore(this.clock.instant())) {
				found = awaitReload().map((reloaded) -> selector.select(reloaded.keys())).orElse(found);
			}
			return found;
		};
	}

	/**
	 * Whether a key is published (not retired) as of the last reload.
	 * @param kid the key id
	 * @return whether tokens signed with it are still accepted
	 */
	public boolean publishes(String kid) {
		return kid != null && current().keys().getKeyByKeyId(kid) != null;
	}

	/**
	 * The JWKS document: public parts of all non-retired keys.
	 * @return the JSON object of the public JWK set
	 */
	public Map<String, Object> publicJwks() {
		return current().keys().toPublicJWKSet().toJSONObject();
	}

	/**
	 * Rotates now if the active key has reached the rotation period, and retires keys
	 * whose tokens have all expired.
	 */
	public void rotateIfDue() {
		rotateIfDue(this.clock.instant());
	}

	/**
	 * {@link #rotateIfDue()} as of the given time (tests pass a later instant instead of
	 * waiting).
	 * @param now the time to decide by
	 */
	public void rotateIfDue(Instant now) {
		this.transactions.executeWithoutResult((status) -> {
			// One instance at a time: several instances running the job at once must not
			// create several keys.
			this.jdbc.sql("LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE").update();
			List<SigningKey> stored = this.repository.findByRetiredAtIsNullOrderByCreatedAtDesc();
			stored.stream()
				.filter((key) -> key.isActiveAndCreatedBefore(now.minus(this.rotation.rotationPeriod())))
				.findFirst()
				.ifPresent((old) -> {
					old.deactivate(now);
					// the one-active index must see the old key inactive before the
					// insert
					this.repository.saveAndFlush(old);
					SigningKey created = this.repository.saveAndFlush(SigningKey.generate(now));
					logger.info("Rotated signing key " + old.getKid() + " -> " + created.getKid());
				});
			Instant expiredBefore = now.minus(this.accessTokenTtl).minus(this.rotation.retirementMargin());
			stored.stream().filter((key) -> key.isInactiveSince(expiredBefore)).forEach((key) -> {
				key.retire(now);
				this.repository.save(key);
				logger.info("Retired signing key " + key.getKid());
			});
		});
		// the caller (scheduler, admin, test) holds no connection: read the keys it just
		// changed before returning
		load();
	}

	/**
	 * The last snapshot; when it is older than {@link #MAX_AGE} a background reload is
	 * started and the old snapshot is still answered.
	 */
	private Snapshot current() {
		Snapshot current = this.snapshot.get();
		if (current.loadedAt().plus(MAX_AGE).isBefore(this.clock.instant())) {
			reload();
		}
		return current;
	}

	/**
	 * Starts a reload on a virtual thread unless one is running.
	 * @return the running reload
	 */
	private CompletableFuture<Snapshot> reload() {
		CompletableFuture<Snapshot> mine = new CompletableFuture<>();
		CompletableFuture<Snapshot> running = this.reloading.compareAndExchange(null, mine);
		if (running != null) {
			return running;
		}
		Thread.ofVirtual().name("signing-keys-reload").start(() -> {
			try {
				Snapshot loaded = load();
				this.reloading.set(null);
				mine.complete(loaded);
			}
			catch (RuntimeException | Error ex) {
				logger.warn("Reloading signing keys failed; the previous keys stay in use", ex);
				this.reloading.set(null);
				mine.completeExceptionally(ex);
			}
		});
		return mine;
	}

	private Optional<Snapshot> awaitReload() {
		try {
			return Optional.of(reload().get(UNKNOWN_KEY_WAIT.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException | ExecutionException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * Reads the table and installs the result unless a load that started later already
	 * did (a slow background reload must not undo a rotation read after it).
	 */
	private Snapshot load() {
		long sequence = this.loads.incrementAndGet();
		Snapshot loaded = this.transactions.execute((status) -> loadOrCreate(sequence));
		return this.snapshot.accumulateAndGet(loaded,
				(installed, candidate) -> (installed == null || candidate.sequence() > installed.sequence()) ? candidate
						: installed);
	}

	private Snapshot loadOrCreate(long sequence) {
		List<SigningKey> stored = this.repository.findByRetiredAtIsNullOrderByCreatedAtDesc();
		if (stored.stream().noneMatch(SigningKey::isActive)) {
			// Serialise first starts of several instances: the loser re-reads the
			// winner's key.
			this.jdbc.sql("LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE").update();
			stored = this.repository.findByRetiredAtIsNullOrderByCreatedAtDesc();
			if (stored.stream().noneMatch(SigningKey::isActive)) {
				SigningKey created = this.repository.saveAndFlush(SigningKey.generate(this.clock.instant()));
				logger.info("Generated signing key " + created.getKid());
				stored = this.repository.findByRetiredAtIsNullOrderByCreatedAtDesc();
			}
		}
		List<JWK> jwks = stored.stream().map(SigningKey::toJwk).map(JWK.class::cast).toList();
		RSAKey active = stored.stream().filter(SigningKey::isActive).findFirst().orElseThrow().toJwk();
		return new Snapshot(new JWKSet(jwks), active, this.clock.instant(), sequence);
	}

	private record Snapshot(JWKSet keys, RSAKey active, Instant loadedAt, long sequence) {
	}

}
