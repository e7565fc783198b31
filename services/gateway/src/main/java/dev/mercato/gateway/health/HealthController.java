package dev.mercato.gateway.health;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

	private final ServiceHealthAggregator aggregator;

	HealthController(ServiceHealthAggregator aggregator) {
		this.aggregator = aggregator;
	}

	// Always 200: the body says UP, DEGRADED or DOWN, so dashboards and scripts can read
	// which service is down instead of getting a bare 503.
	@GetMapping("/api/health")
	Mono<ResponseEntity<PlatformHealth>> health() {
		return this.aggregator.check()
			.map((health) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(health));
	}

}
