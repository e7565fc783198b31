package dev.mercato.identity.user;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.mercato.platform.web.DependencyUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BoundedPasswordEncoderTest {

	@Test
	void hashesOnItsOwnThreadsAndAnswersWhatTheDelegateAnswers() {
		try (BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(new Recording(null), 1, 1)) {
			assertThat(encoder.encode("secret")).isEqualTo("hash:secret@password-hashing-1");
			assertThat(encoder.matches("secret", "hash:secret")).isTrue();
			assertThat(encoder.matches("other", "hash:secret")).isFalse();
		}
	}

	@Test
	void whenEveryThreadAndQueueSlotIsTakenTheNextCallerIsRefusedAtOnce() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(new Recording(release), 1, 1);
				ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> encoder.encode("a"), callers);
			CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> encoder.encode("b"), callers);
			await().until(() -> encoder.waiting() == 1);

			long began = System.nanoTime();
			assertThatThrownBy(() -> encoder.encode("c")).isInstanceOf(DependencyUnavailableException.class)
				.extracting("code")
				.isEqualTo("IDENTITY_BUSY");
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isLessThan(1000);

			release.countDown();
			assertThat(running.get(5, TimeUnit.SECONDS)).startsWith("hash:a");
			assertThat(queued.get(5, TimeUnit.SECONDS)).startsWith("hash:b");
		}
	}

	@Test
	void aFailureOfTheDelegateReachesTheCaller() {
		try (BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(new Recording(null), 1, 1)) {
			assertThatThrownBy(() -> encoder.encode("fail")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("bad");
		}
	}

	private record Recording(CountDownLatch release) implements PasswordEncoder {

		@Override
		public String encode(CharSequence raw) {
			if (raw.toString().equals("fail")) {
				throw new IllegalArgumentException("bad");
			}
			if (this.release != null) {
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return "hash:" + raw + (raw.toString().equals("secret") ? "@" + Thread.currentThread().getName() : "");
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			return encoded.equals("hash:" + raw);
		}

	}

}
