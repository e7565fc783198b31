package dev.mercato.gateway.health;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /api/health}.
 *
 * @param status {@code UP}, {@code DEGRADED} or {@code DOWN}, from the HTTP checks
 * @param bus {@code UP} when the ping was published on the event bus, else {@code DOWN}
 * @param services per service id
 */
record PlatformHealth(Status status, Status bus, Map<String, ServiceHealth> services) {

	/**
	 * @param status {@code UP} all instances, {@code DEGRADED} some, {@code DOWN} none
	 * @param instances configured instances
	 * @param healthyInstances instances whose health answered {@code UP} in time
	 * @param latencyMs slowest health answer among the instances, in milliseconds
	 * @param pongs the instances that answered the ping on the event bus in time
	 */
	record ServiceHealth(Status status, int instances, long healthyInstances, long latencyMs, List<Pong> pongs) {

	}

	/**
	 * One instance's answer to the health ping.
	 *
	 * @param service the service
	 * @param instance the instance
	 * @param version its version
	 * @param latencyMs from the ping to the pong, in milliseconds
	 */
	record Pong(String service, String instance, String version, long latencyMs) {

	}

}
