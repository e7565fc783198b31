package dev.mercato.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.mercato.gateway.RedisFailures;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Seed 000's "default recommendations": every successful answer of
 * {@code GET /api/recommendations/popular} (all categories) passing through the gateway
 * is kept in Redis, shared by all gateway instances; when the recommender is down or too
 * slow, {@link FallbackController} answers its routes with that list instead of an error,
 * marked {@code "fallback": true} and {@value #HEADER}. At most one answer a second is
 * copied (buffered and written to Redis); the others pass through untouched.
 */
@Component
class PopularRecommendations implements GlobalFilter, Ordered {

	static final String HEADER = "X-Mercato-Fallback";

	static final String PATH = "/api/recommendations/popular";

	static final String ROUTES = "/api/recommendations/";

	/** The recommender's route in {@code application.yml}. */
	static final String ROUTE_ID = "recommender";

	private static final Duration KEPT = Duration.ofDays(7);

	private static final long KEEP_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

	private final AtomicLong nextKeepAt = new AtomicLong(System.nanoTime());

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper json;

	private final String key;

	private final RedisFailures failures;

	PopularRecommendations(ReactiveStringRedisTemplate redis, JsonMapper json,
			@Value("${mercato.redis.key-prefix:}") String keyPrefix, MeterRegistry meters) {
		this.redis = redis;
		this.json = json;
		this.key = keyPrefix + "gateway:recommendations:popular";
		this.failures = new RedisFailures(meters, "recommendations",
				"popular recommendations are not cached for the fallback");
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (exchange.getRequest().getMethod() != HttpMethod.GET || !PATH.equals(exchange.getRequest().getPath().value())
				|| exchange.getRequest().getQueryParams().containsKey("category") || !dueForKeeping()) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().response(new Keeping(exchange.getResponse())).build());
	}

	// one request a second (per gateway instance) wins the right to refresh the copy
	private boolean dueForKeeping() {
		long now = System.nanoTime();
		long next = this.nextKeepAt.get();
		return now - next >= 0 && this.nextKeepAt.compareAndSet(next, now + KEEP_EVERY_NANOS);
	}

	@Override
	public int getOrder() {
		// before the filter that writes the service's answer, so it writes through ours
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
	}

	/**
	 * The kept list as a fallback answer to a request of the recommender's routes.
	 * @param limit the request's {@code limit}, if any: the list is cut to it
	 * @return the answer, empty when nothing is kept (or Redis cannot be asked)
	 */
	Mono<String> fallback(Optional<Integer> limit) {
		return this.redis.opsForValue().get(this.key).map((kept) -> {
			JsonNode answer = this.json.readTree(kept);
			if (!(answer instanceof ObjectNode object)) {
				return kept;
			}
			object.put("fallback", true);
			if (limit.isPresent() && object.get("products") instanceof ArrayNode products) {
				while (products.size() > Math.max(0, limit.get())) {
					products.remove(products.size() - 1);
				}
			}
			return this.json.writeValueAsString(object);
		}).onErrorResume((ex) -> {
			this.failures.record(ex);
			return Mono.empty();
		});
	}

	private void keep(byte[] body) {
		this.redis.opsForValue().set(this.key, new String(body, StandardCharsets.UTF_8), KEPT).subscribe((ok) -> {
		}, this.failures::record);
	}

	/** Passes the answer on unchanged and keeps a copy of a successful one. */
	private final class Keeping extends ServerHttpResponseDecorator {

		Keeping(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			if (getStatusCode() == null || !getStatusCode().is2xxSuccessful()) {
				return super.writeWith(body);
			}
			return DataBufferUtils.join(Flux.from(body)).flatMap((joined) -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				keep(bytes);
				return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
			});
		}

	}

}
