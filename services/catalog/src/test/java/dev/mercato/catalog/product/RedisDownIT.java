package dev.mercato.catalog.product;

import java.util.UUID;

import dev.mercato.catalog.CatalogITSupport;
import dev.mercato.platform.test.IsolatedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis unreachable (a port nothing listens on): product reads and writes still answer
 * from the database, the failures are counted, nothing is an error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, // the URL wins over the host
																// and port the isolation
																// sets
		properties = "spring.data.redis.url=redis://127.0.0.1:1")
@IsolatedInfrastructure
class RedisDownIT extends CatalogITSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void productsAreServedFromTheDatabaseWhenRedisIsDown() {
		UUID leaf = category("Tools", null);
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/products", sellerToken(),
				product("REDIS-" + UUID.randomUUID().toString().substring(0, 8), "Offline Hammer", "", "15.00", leaf));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = created.getBody().get("id").asString();

		for (int i = 0; i < 3; i++) {
			ResponseEntity<JsonNode> read = get("/api/products/" + id, customerToken());
			assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(read.getBody().get("name").asString()).isEqualTo("Offline Hammer");
		}
		String sku = created.getBody().get("sku").asString();
		assertThat(call(HttpMethod.PUT, "/api/products/" + id, sellerToken(),
				product(sku, "Offline Mallet", "", "16.00", leaf))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/api/products/" + id, null).getBody().get("name").asString()).isEqualTo("Offline Mallet");
		assertThat(this.meters.get("mercato.catalog.cache").tag("result", "error").counter().count()).isPositive();
		assertThat(get("/actuator/health", null).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

}
