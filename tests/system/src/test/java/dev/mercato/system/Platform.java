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
 */
final class Platform {

	static final String VHOST = "mercato-systest";

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

	String status() {
		return run(Duration.ofMinutes(1), "status");
	}

	void down() {
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
					pids.add(Long.parseLong(Files.readString(file).trim().split("\\s+")[0]));
				}
			}
		}
		return pids;
	}

	private String run(Duration timeout, String... args) {
		List<String> command = new ArrayList<>();
		command.add(this.repository.resolve("mercato").toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.repository.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("MERCATO_RUN_DIR", this.runDir.toString());
		env.put("MERCATO_PORT_OFFSET", String.valueOf(this.portOffset));
		env.put("MERCATO_DB_PREFIX", "systest_");
		env.put("MERCATO_RABBIT_VHOST", VHOST);
		env.put("NO_COLOR", "1");
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
