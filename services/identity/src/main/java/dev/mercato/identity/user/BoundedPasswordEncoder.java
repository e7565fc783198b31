package dev.mercato.identity.user;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.mercato.platform.web.DependencyUnavailableException;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords on a few platform threads instead of the request's virtual
 * thread. A bcrypt check is tens of milliseconds of CPU that never blocks, so a virtual
 * thread doing it holds its carrier; with one carrier per core, a flood of logins left no
 * carrier for anything else, and health checks, the JWKS, token refreshes and gRPC
 * {@code ValidateUser} (checkouts) waited behind the queue of logins (the soak benchmark,
 * issue 22 row 18). Callers wait parked, and when more hashes wait than the queue holds
 * the caller is answered 503 {@code IDENTITY_BUSY} at once rather than after the
 * gateway's timeout.
 */
public final class BoundedPasswordEncoder implements PasswordEncoder, AutoCloseable {

	private final PasswordEncoder delegate;

	private final ThreadPoolExecutor hashing;

	/**
	 * @param delegate the encoder that does the work
	 * @param threads how many hashes run at once
	 * @param queue how many more may wait
	 */
	public BoundedPasswordEncoder(PasswordEncoder delegate, int threads, int queue) {
		this.delegate = delegate;
		this.hashing = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queue), Thread.ofPlatform().daemon().name("password-hashing-", 1).factory());
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return run(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return run(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	int waiting() {
		return this.hashing.getQueue().size();
	}

	@Override
	public void close() {
		this.hashing.shutdownNow();
	}

	private <T> T run(Callable<T> work) {
		Future<T> result;
		try {
			result = this.hashing.submit(work);
		}
		catch (RejectedExecutionException ex) {
			throw new DependencyUnavailableException("IDENTITY_BUSY",
					"Too many sign-ins at this moment; try again in a few seconds.", ex);
		}
		try {
			return result.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new DependencyUnavailableException("IDENTITY_BUSY", "Interrupted while checking the password.", ex);
		}
	}

}
