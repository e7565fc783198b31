package dev.mercato.gateway.health;

import java.util.Map;

/**
 * Body of {@code GET /api/health}.
 *
 * @param status {@code UP}, {@code DEGRADED} or {@code DOWN}
 * @param services per service id
 */
record PlatformHealth(Status status, Map<String, ServiceHealth> services) {

	/**
	 * @param status {@code UP} all instances, {@code DEGRADED} some, {@code DOWN} none
	 * @param instances configured instances
	 * @param healthyInstances instances whose health answered {@code UP} in time
	 * @param latencyMs slowest health answer among the instances, in milliseconds
	 */
	record ServiceHealth(Status status, int instances, long healthyInstances, long latencyMs) {

	}

}
