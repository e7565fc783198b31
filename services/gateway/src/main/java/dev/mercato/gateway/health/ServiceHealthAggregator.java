package dev.mercato.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mercato.gateway.GatewayProperties;
import dev.mercato.gateway.health.PlatformHealth.ServiceHealth;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks every instance of every expected service for its {@code /actuator/health}, all in
 * parallel, each bounded by a timeout, so one hung service cannot hang the answer.
 */
@Component
class ServiceHealthAggregator {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final ReactiveDiscoveryClient discovery;

	private final WebClient webClient;

	private final Duration timeout;

	private final List<String> services;

	private final BusPing bus;

	ServiceHealthAggregator(ReactiveDiscoveryClient discovery, WebClient.Builder webClient, HealthProperties properties,
			GatewayProperties gateway, BusPing bus) {
		this.discovery = discovery;
		this.bus = bus;
		this.webClient = webClient.build();
		this.timeout = properties.timeout();
		this.services = List.copyOf(gateway.services());
	}

	// Only the services the platform runs (mercato.gateway.services), not every one that
	// has routes: a service that is not deployed yet must not make the platform DOWN.
	Mono<PlatformHealth> check() {
		Mono<Map<String, ServiceHealth>> http = Flux.fromIterable(this.services)
			.flatMap((service) -> checkService(service).map((health) -> Map.entry(service, health)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		return Mono.zip(http, expectedInstances().flatMap(this.bus::ping))
			.map((both) -> combine(both.getT1(), both.getT2()));
	}

	private Mono<Map<String, Integer>> expectedInstances() {
		return Flux.fromIterable(this.services)
			.flatMap((service) -> this.discovery.getInstances(service)
				.count()
				.map((count) -> Map.entry(service, count.intValue())))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static PlatformHealth combine(Map<String, ServiceHealth> http, BusPing.Result bus) {
		Map<String, ServiceHealth> services = new TreeMap<>();
		http.forEach((service, health) -> services.put(service, new ServiceHealth(health.status(), health.instances(),
				health.healthyInstances(), health.latencyMs(), bus.pongs().getOrDefault(service, List.of()))));
		// the status is the HTTP checks': pongs are shown, but services do not all answer
		// them yet
		return new PlatformHealth(Status.ofServices(services.values().stream().map(ServiceHealth::status).toList()),
				bus.published() ? Status.UP : Status.DOWN, services);
	}

	private Mono<ServiceHealth> checkService(String service) {
		return this.discovery.getInstances(service)
			.flatMap(this::probe)
			.collectList()
			.map(ServiceHealthAggregator::summarise);
	}

	private static ServiceHealth summarise(List<Probe> probes) {
		long up = probes.stream().filter(Probe::up).count();
		long slowest = probes.stream().mapToLong(Probe::latencyMs).max().orElse(0);
		return new ServiceHealth(Status.ofInstances(probes.size(), up), probes.size(), up, slowest, List.of());
	}

	private Mono<Probe> probe(ServiceInstance instance) {
		URI uri = UriComponentsBuilder.fromUri(instance.getUri()).path("/actuator/health").build().toUri();
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return this.webClient.get()
				.uri(uri)
				.retrieve()
				.bodyToMono(JSON_OBJECT)
				.map((body) -> "UP".equals(body.get("status")))
				.timeout(this.timeout)
				// a refused connection, a timeout or a non-2xx answer (DOWN is a 503) all
				// mean down
				.onErrorReturn(false)
				.defaultIfEmpty(false)
				.map((up) -> new Probe(up, Duration.ofNanos(System.nanoTime() - started).toMillis()));
		});
	}

	private record Probe(boolean up, long latencyMs) {
	}

}
