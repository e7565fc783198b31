package dev.mercato.gateway.health;

import java.util.Collection;

/**
 * Health of an instance set or of the platform.
 */
enum Status {

	/** Everything answers. */
	UP,

	/** Some instances of a service (for the platform: of some service) are down. */
	DEGRADED,

	/** Nothing answers (for the platform: at least one service is down). */
	DOWN;

	/**
	 * The platform's status: DOWN when any service is DOWN (a user journey through it
	 * fails), DEGRADED when any has lost instances, otherwise UP.
	 */
	static Status ofServices(Collection<Status> services) {
		if (services.contains(DOWN)) {
			return DOWN;
		}
		return services.contains(DEGRADED) ? DEGRADED : UP;
	}

	/**
	 * A service's status from its instance count and how many of them are up.
	 */
	static Status ofInstances(int instances, long up) {
		if (up == 0) {
			return DOWN;
		}
		return (up == instances) ? UP : DEGRADED;
	}

}
