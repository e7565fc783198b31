package dev.mercato.identity.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import dev.mercato.platform.test.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The stall found by the soak benchmark (issue 22, row 18): every five minutes the key
 * cache expired, and the request that reloaded it waited for a pooled connection while
 * in-flight logins held them all and waited for that reload. With a pool of two held by
 * two transactions, an expired cache must still answer at once from the last snapshot and
 * refresh once a connection is free.
 */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=30000" })
@IsolatedInfrastructure
class SigningKeysUnderLoadIT {

	@Autowired
	SigningKeyRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	KeyRotationProperties rotation;

	@Test
	void anExpiredCacheAnswersAtOnceWhileEveryConnectionIsHeldAndRefreshesAfterwards() throws Exception {
		MovableClock clock = new MovableClock(Instant.now());
		SigningKeys keys = new SigningKeys(this.repository, this.jdbc, this.transactions, clock, this.rotation,
				Duration.ofMinutes(15));
		keys.afterSingletonsInstantiated();
		String kid = activeKid(keys);
		// another instance rotated meanwhile: this one learns of it at its next reload
		String rotatedKid = rotateElsewhere(clock.instant());
		clock.advance(SigningKeys.MAX_AGE.plusSeconds(1));

		CountDownLatch held = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService holders = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> holding = List.of(holdConnection(holders, held, release),
					holdConnection(holders, held, release));
			held.await();

			assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
				assertThat(activeKid(keys)).isEqualTo(kid);
				assertThat(keys.publicJwks().toString()).contains(kid);
			}, "signing must not wait for a connection");

			release.countDown();
			for (Future<?> future : holding) {
				future.get();
			}
		}
		finally {
			release.countDown();
			holders.shutdown();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(activeKid(keys)).isEqualTo(rotatedKid));
	}

	private Future<?> holdConnection(ExecutorService executor, CountDownLatch held, CountDownLatch release) {
		return executor.submit(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("select 1").query(Integer.class).single();
			held.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
	}

	private String rotateElsewhere(Instant now) {
		return this.transactions.execute((status) -> {
			this.repository.findByRetiredAtIsNullOrderByCreatedAtDesc().forEach((key) -> {
				key.deactivate(now);
				this.repository.saveAndFlush(key);
			});
			return this.repository.saveAndFlush(SigningKey.generate(now)).getKid();
		});
	}

	private static String activeKid(SigningKeys keys) throws Exception {
		return keys.signingKeySource()
			.get(new JWKSelector(new JWKMatcher.Builder().privateOnly(true).build()), null)
			.getFirst()
			.getKeyID();
	}

	private static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
