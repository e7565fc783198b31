package dev.mercato.system;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code ./mercato} promises about the platform's processes, checked after every
 * journey has used the shared platform: a second {@code up} changes nothing and
 * {@code down} leaves no process behind.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformLifecycleIT {

	@Test
	@Order(1)
	void secondUpChangesNothing() throws Exception {
		Platform platform = Platform.shared();
		// journeys may have restarted components (crash tests): compare with what runs
		// now
		List<Long> running = platform.recordedPids();
		assertThat(running).as("pids of the running components").hasSizeGreaterThanOrEqualTo(3);
		platform.up();
		assertThat(platform.recordedPids()).containsExactlyInAnyOrderElementsOf(running);
		assertThat(platform.status()).contains("identity").contains("inventory").contains("gateway");
	}

	@Test
	@Order(2)
	void downStopsEveryProcess() throws Exception {
		Platform platform = Platform.shared();
		List<Long> started = platform.recordedPids();
		platform.down();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(started)
				.allSatisfy((pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid " + pid)
					.isEmpty()));
		assertThat(platform.recordedPids()).isEmpty();
	}

}
