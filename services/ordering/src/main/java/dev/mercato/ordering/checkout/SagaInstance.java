package dev.mercato.ordering.checkout;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This process's name as a saga lease owner: stable across restarts of the same instance
 * ({@code mercato.ordering.instance-id}, default host name and port), so a restarted
 * instance takes back the sagas it held at once instead of waiting for their leases.
 */
@Component
class SagaInstance {

	private final String id;

	SagaInstance(@Value("${mercato.ordering.instance-id:${HOSTNAME:local}:${server.port:8084}}") String id) {
		this.id = id;
	}

	String id() {
		return this.id;
	}

}
