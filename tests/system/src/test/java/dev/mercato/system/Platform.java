package dev.mercato.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test, started and stopped with the same {@code ./mercato} command a
 * developer uses, isolated from a developer's own platform by a port offset, its own run
 * folder, database prefix and RabbitMQ vhost.
 * <p>
 * One platform serves every journey class of the run ({@link #shared()}): starting it is
 * the expensive part. {@link PlatformLifecycleIT} runs last and checks that {@code down}
 * stops it; when a run selects only some classes, a shutdown hook stops it instead.
 */
final class Platform {

	// overridable so two system-test platforms can run side by side on one machine
	static final String VHOST = System.getProperty("mercato.rabbit-vhost", "mercato-systest");

	private static Platform shared;

	private boolean running;

	/**
	 * The platform of this test run, started by the first caller.
	 * @return the running platform
	 */
	static synchronized Platform shared() {
		if (shared == null) {
			Platform platform = new Platform();
			Runtime.getRuntime().addShutdownHook(new Thread(platform::downIfRunning, "platform-down"));
			shared = platform;
		}
		if (!shared.running) {
			shared.up();
			shared.running = true;
		}
		return shared;
	}

	private synchronized void downIfRunning() {
		if (this.running) {
			this.running = false;
			down();
		}
	}

	final Path repository = Path.of(System.getProperty("mercato.repository", "../..")).toAbsolutePath().normalize();

	final Path runDir = Path.of(System.getProperty("mercato.run-dir", "target/platform")).toAbsolutePath();

	final int portOffset = Integer.getInteger("mercato.port-offset", 10000);

	String gatewayUrl() {
		return "http://localhost:" + (8080 + this.portOffset);
	}

	String identityUrl() {
		return "http://localhost:" + (8081 + this.portOffset);
	}

	void up() {
		run(Duration.ofMinutes(8), "up", "--no-build");
	}

	/**
	 * Starts what is down, giving the started components extra environment (e.g. a
	 * sandbox's fault injection).
	 * @param env the extra variables
	 */
	void upWith(Map<String, String> env) {
		run(Duration.ofMinutes(8), env, "up", "--no-build");
	}

	/**
	 * Kills a component with SIGKILL, as a crash would, and waits until it is gone.
	 * @param component e.g. {@code ordering}
	 */
	void kill(String component) {
		try {
			long pid = pidIn(this.runDir.resolve(component).resolve(component + ".pid"));
			ProcessHandle.of(pid).ifPresent((process) -> {
				process.destroyForcibly();
				process.onExit().join();
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String status() {
		return run(Duration.ofMinutes(1), "status");
	}

	void down() {
		this.running = false;
		run(Duration.ofMinutes(2), "down", "--purge");
	}

	/**
	 * Process ids the run folder records for started components (files named
	 * {@code *pid}, the pid first).
	 */
	List<Long> recordedPids() throws IOException {
		List<Long> pids = new ArrayList<>();
		if (Files.isDirectory(this.runDir)) {
			try (var files = Files.walk(this.runDir)) {
				for (Path file : files.filter((f) -> f.getFileName().toString().endsWith("pid")).toList()) {
					pids.add(pidIn(file));
				}
			}
		}
		return pids;
	}

	private static long pidIn(Path pidFile) throws IOException {
		return Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
	}

	private String run(Duration timeout, String... args) {
		return run(timeout, Map.of(), args);
	}

	private String run(Duration timeout, Map<String, String> extraEnv, String... args) {
		List<String> command = new ArrayList<>();
		command.add(this.repository.resolve("mercato").toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.repository.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("MERCATO_RUN_DIR", this.runDir.toString());
		env.put("MERCATO_PORT_OFFSET", String.valueOf(this.portOffset));
		env.put("MERCATO_DB_PREFIX", System.getProperty("mercato.db-prefix", "systest_"));
		env.put("MERCATO_RABBIT_VHOST", VHOST);
		env.put("NO_COLOR", "1");
		// Journeys log in far more often than one person does: the per-IP limit on
		// /api/auth/** (20/min) would throttle the suite, not protect anything.
		env.put("MERCATO_GATEWAY_RATELIMIT_AUTH", "100000");
		env.put("MERCATO_GATEWAY_RATELIMIT_ANONYMOUS", "100000");
		env.putAll(extraEnv);
		try {
			Path log = Files.createTempFile("mercato-" + args[0], ".log");
			builder.redirectOutput(log.toFile());
			Process process = builder.start();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"./mercato " + String.join(" ", args) + " timed out:\n" + Files.readString(log));
			}
			String output = Files.readString(log);
			System.out.println(output);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("./mercato " + String.join(" ", args) + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
