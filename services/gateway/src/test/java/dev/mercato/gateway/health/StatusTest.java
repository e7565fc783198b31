package dev.mercato.gateway.health;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTest {

	@Test
	void aServiceIsUpOnlyWhenEveryInstanceIs() {
		assertThat(Status.ofInstances(2, 2)).isEqualTo(Status.UP);
		assertThat(Status.ofInstances(2, 1)).isEqualTo(Status.DEGRADED);
		assertThat(Status.ofInstances(2, 0)).isEqualTo(Status.DOWN);
		assertThat(Status.ofInstances(0, 0)).isEqualTo(Status.DOWN);
	}

	@Test
	void thePlatformIsDownWhenAnyServiceIsDown() {
		assertThat(Status.ofServices(List.of(Status.UP, Status.UP))).isEqualTo(Status.UP);
		assertThat(Status.ofServices(List.of(Status.UP, Status.DEGRADED))).isEqualTo(Status.DEGRADED);
		assertThat(Status.ofServices(List.of(Status.DEGRADED, Status.DOWN, Status.UP))).isEqualTo(Status.DOWN);
	}

}
