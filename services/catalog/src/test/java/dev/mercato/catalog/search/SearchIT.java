package dev.mercato.catalog.search;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.mercato.catalog.CatalogITSupport;
import dev.mercato.catalog.demo.DemoCatalogGenerator;
import dev.mercato.catalog.product.Product;
import dev.mercato.contracts.events.EventSchemas;
import dev.mercato.platform.test.IsolatedInfrastructure;
import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search over the demo catalog (loaded as {@code ./mercato up} loads it, smaller):
 * relevance, stemming, typos, filters, facets, sorting, paging, suggestions, the
 * availability replica fed by inventory events, and rebuilding the index.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mercato.demo-data.enabled=true", "mercato.catalog.demo.products=" + SearchIT.PRODUCTS })
@IsolatedInfrastructure
class SearchIT extends CatalogITSupport {

	static final int PRODUCTS = 600;

	static final UUID COFFEE_AND_TEA = DemoCatalogGenerator.categoryId("Coffee & Tea", null);

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	List<ApplicationRunner> runners;

	@Autowired
	SearchIndex index;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void coffeeFindsCoffeeFirstWithFacets() {
		JsonNode page = ok(get("/api/products/search?q=coffee&size=10", null));

		assertThat(page.get("total").asLong()).isGreaterThan(30);
		List<JsonNode> hits = page.get("items").valueStream().toList();
		assertThat(hits).hasSize(10);
		assertThat(hits).allSatisfy((hit) -> assertThat(hit.get("name").asString()).containsIgnoringCase("coffee"));
		assertThat(hits.getFirst().at("/category/path/0").asString()).isEqualTo("Coffee & Tea");

		JsonNode facets = page.get("facets");
		List<JsonNode> categories = facets.get("category").valueStream().toList();
		assertThat(categories).isNotEmpty();
		assertThat(categories.getFirst().at("/path/0").asString()).isEqualTo("Coffee & Tea");
		assertThat(categories.stream().mapToLong((c) -> c.get("count").asLong()).sum())
			.isEqualTo(page.get("total").asLong());
		assertThat(facets.get("price").valueStream().mapToLong((p) -> p.get("count").asLong()).sum())
			.isEqualTo(page.get("total").asLong());
	}

	@Test
	void aTypoStillFindsCoffeeAndStemmingFindsPlurals() {
		List<JsonNode> typo = ok(get("/api/products/search?q=cofee&size=5", null)).get("items").valueStream().toList();
		assertThat(typo).hasSize(5)
			.allSatisfy((hit) -> assertThat(hit.get("name").asString()).containsIgnoringCase("coffee"));

		// seed 002's example, and a plural finding singular names
		JsonNode laptops = ok(get("/api/products/search?q=laptops", null));
		assertThat(laptops.get("total").asLong()).isPositive();
		assertThat(laptops.at("/items/0/name").asString()).containsIgnoringCase("laptop");
		assertThat(ok(get("/api/products/search?q=laptop", null)).get("total").asLong())
			.isEqualTo(laptops.get("total").asLong());

		// nothing matches nonsense
		assertThat(ok(get("/api/products/search?q=xqzvbnw", null)).get("total").asLong()).isZero();
	}

	@Test
	void nameMatchesRankAboveDescriptionMatches() {
		// "espresso" is in names (Espresso Beans, Espresso Machine...) and in
		// descriptions
		// ("Great for espresso ...")
		List<JsonNode> hits = ok(get("/api/products/search?q=espresso&size=100", null)).get("items")
			.valueStream()
			.toList();
		int lastInName = -1;
		int firstOnlyInDescription = Integer.MAX_VALUE;
		for (int i = 0; i < hits.size(); i++) {
			boolean inName = hits.get(i).get("name").asString().toLowerCase().contains("espresso");
			if (inName) {
				lastInName = i;
			}
			else {
				firstOnlyInDescription = Math.min(firstOnlyInDescription, i);
			}
		}
		assertThat(firstOnlyInDescription).isLessThan(Integer.MAX_VALUE);
		assertThat(lastInName).isLessThan(firstOnlyInDescription);
	}

	@Test
	void filtersSortAndPage() {
		// a root category includes its sub-categories
		JsonNode coffeeAndTea = ok(get("/api/products?category=" + COFFEE_AND_TEA + "&size=100", null));
		assertThat(coffeeAndTea.get("total").asLong()).isEqualTo(demoProductsIn("Coffee & Tea", null));
		assertThat(coffeeAndTea.get("items").valueStream().map((hit) -> hit.at("/category/path/0").asString()))
			.containsOnly("Coffee & Tea");
		UUID beans = DemoCatalogGenerator.categoryId("Coffee & Tea", "Coffee Beans");
		assertThat(ok(get("/api/products?category=" + beans, null)).get("total").asLong())
			.isEqualTo(demoProductsIn("Coffee & Tea", "Coffee Beans"));

		JsonNode cheap = ok(get("/api/products/search?q=coffee&minPrice=10&maxPrice=20&sort=price,asc&size=100", null));
		List<BigDecimal> prices = cheap.get("items")
			.valueStream()
			.map((hit) -> new BigDecimal(hit.at("/price/amount").asString()))
			.toList();
		assertThat(prices).isNotEmpty()
			.isSorted()
			.allSatisfy((price) -> assertThat(price).isBetween(BigDecimal.TEN, BigDecimal.valueOf(20)));
		List<BigDecimal> descending = ok(get("/api/products?sort=price,desc&size=20", null)).get("items")
			.valueStream()
			.map((hit) -> new BigDecimal(hit.at("/price/amount").asString()))
			.toList();
		assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));

		JsonNode first = ok(get("/api/products?size=7&page=0&sort=name,asc", null));
		JsonNode second = ok(get("/api/products?size=7&page=1&sort=name,asc", null));
		assertThat(first.get("total").asLong()).isEqualTo(PRODUCTS);
		assertThat(first.get("totalPages").asInt()).isEqualTo((PRODUCTS + 6) / 7);
		Set<String> firstIds = ids(first);
		assertThat(firstIds).hasSize(7).doesNotContainAnyElementsOf(ids(second));
		assertThat(first.get("facets").isNull()).isTrue();

		String seller1 = DemoCatalogGenerator.SELLERS.getFirst().toString();
		assertThat(ok(get("/api/products?sellerId=" + seller1 + "&size=50", null)).get("items")
			.valueStream()
			.map((hit) -> hit.get("sellerId").asString())).containsOnly(seller1);
	}

	@Test
	void badParametersAreProblems() {
		assertThat(get("/api/products/search?q=coffee&sort=bogus", null).getBody().get("code").asString())
			.isEqualTo("INVALID_SEARCH");
		assertThat(get("/api/products/search?q=coffee&minPrice=30&maxPrice=10", null).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("/api/products/search?minPrice=-1", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("/api/products/search?size=1000", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("/api/products/search?page=200&size=100", null).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("/api/products/search?category=kitchen", null).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("/api/products/suggest?q=", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("/api/products/search?q=" + "a".repeat(201), null).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void suggestionsCompleteWhatIsTyped() {
		JsonNode suggestions = ok(get("/api/products/suggest?q=cof", null));
		assertThat(suggestions.size()).isBetween(1, 10);
		assertThat(suggestions.valueStream().map(JsonNode::asString))
			.allSatisfy((name) -> assertThat(name.toLowerCase()).containsPattern("\\bcof"))
			.doesNotHaveDuplicates();
		JsonNode twoWords = ok(get("/api/products/suggest?q=espresso mach&limit=3", null));
		assertThat(twoWords.size()).isBetween(1, 3);
		assertThat(twoWords.valueStream().map(JsonNode::asString))
			.allSatisfy((name) -> assertThat(name).contains("Espresso Machine"));
	}

	@Test
	void availabilityFollowsInventoryEventsOnceAndInOrder() {
		assertThat(ok(get("/api/products/search?inStock=true", null)).get("total").asLong()).isZero();
		DemoCatalogGenerator.DemoProduct product = new DemoCatalogGenerator(20261122L).product(3);
		Instant now = Instant.now();
		UUID event = UUID.randomUUID();

		publishInventoryUpdated(event, product.id(), 9, now);
		publishInventoryUpdated(event, product.id(), 9, now); // redelivered: the inbox
																// drops it
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(get("/api/products/" + product.id(), null).getBody().get("available").asInt())
						.isEqualTo(9));
		// the index follows the replica asynchronously (no refresh per stock event)
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(ids(ok(get("/api/products/search?inStock=true", null))))
				.containsExactly(product.id().toString()));

		// an older event arriving late changes nothing; a newer one does
		UUID late = UUID.randomUUID();
		publishInventoryUpdated(late, product.id(), 50, now.minusSeconds(5));
		UUID sold = UUID.randomUUID();
		publishInventoryUpdated(sold, product.id(), 0, now.plusSeconds(1));
		await().atMost(Duration.ofSeconds(20)).until(() -> consumed(sold));
		assertThat(consumed(late)).isTrue();
		assertThat(get("/api/products/" + product.id(), null).getBody().get("available").asInt()).isZero();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(ok(get("/api/products/search?inStock=true", null)).get("total").asLong())
				.isZero());
		assertThat(
				this.jdbc.sql("select count(*) from inbox where event_id = ?").param(event).query(Long.class).single())
			.isOne();
	}

	@Test
	void stockChangesTouchTheIndexOnlyWhenInStockFlips() throws Exception {
		DemoCatalogGenerator.DemoProduct product = new DemoCatalogGenerator(20261122L).product(5);
		String search = "/api/products/search?q=" + product.name().replace(' ', '+') + "&size=100";
		Instant now = Instant.now();

		UUID first = UUID.randomUUID();
		publishInventoryUpdated(first, product.id(), 9, now);
		await().atMost(Duration.ofSeconds(20)).until(() -> consumed(first));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(ids(ok(get("/api/products/search?inStock=true&size=100", null))))
				.contains(product.id().toString()));
		assertThat(availableIn(ok(get(search, null)), product.id())).isEqualTo(9);
		long documents = indexedDocumentsIncludingReplaced();

		// 9 -> 3 units: still in stock, the index is left alone, yet search shows 3 (the
		// exact units come from the replica, also for a result served from the cache)
		UUID fewer = UUID.randomUUID();
		publishInventoryUpdated(fewer, product.id(), 3, now.plusSeconds(1));
		await().atMost(Duration.ofSeconds(20)).until(() -> consumed(fewer));
		assertThat(get("/api/products/" + product.id(), null).getBody().get("available").asInt()).isEqualTo(3);
		assertThat(availableIn(ok(get(search, null)), product.id())).isEqualTo(3);
		// (a replacement would add one; a background merge can only lower the count)
		assertThat(indexedDocumentsIncludingReplaced()).isLessThanOrEqualTo(documents);

		// 3 -> 0: the flag flips, the document is replaced and in-stock searches drop it
		UUID soldOut = UUID.randomUUID();
		publishInventoryUpdated(soldOut, product.id(), 0, now.plusSeconds(2));
		await().atMost(Duration.ofSeconds(20)).until(() -> consumed(soldOut));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(ids(ok(get("/api/products/search?inStock=true&size=100", null))))
				.doesNotContain(product.id().toString()));
		assertThat(availableIn(ok(get(search, null)), product.id())).isZero();
	}

	private static int availableIn(JsonNode page, UUID productId) {
		return page.get("items")
			.valueStream()
			.filter((hit) -> hit.get("id").asString().equals(productId.toString()))
			.findFirst()
			.orElseThrow()
			.get("available")
			.asInt();
	}

	// Lucene replaces a document by deleting it and adding it again: maxDoc counts both
	// until a merge drops the deleted one.
	private long indexedDocumentsIncludingReplaced() throws java.io.IOException {
		try (IndexReader reader = Search.mapping(this.entityManagerFactory)
			.scope(Product.class)
			.extension(LuceneExtension.get())
			.openIndexReader()) {
			return reader.maxDoc();
		}
	}

	@Test
	void theDemoCatalogIsDeterministicAndLoadsOnce() throws Exception {
		assertThat(productRows()).isEqualTo(PRODUCTS);
		long announced = this.jdbc.sql("select count(*) from outbox where type = 'mercato.product.created.v1'")
			.query(Long.class)
			.single();
		assertThat(announced).isEqualTo(PRODUCTS);
		DemoCatalogGenerator generator = new DemoCatalogGenerator(20261122L);
		DemoCatalogGenerator.DemoProduct first = generator.product(0);
		JsonNode stored = ok(get("/api/products/" + first.id(), null));
		assertThat(stored.get("sku").asString()).isEqualTo(first.sku());
		assertThat(stored.get("name").asString()).isEqualTo(first.name());
		assertThat(stored.at("/price/amount").asString()).isEqualTo(first.price().toPlainString());
		assertThat(this.jdbc.sql("select distinct seller_id from products").query(UUID.class).list())
			.containsExactlyInAnyOrderElementsOf(DemoCatalogGenerator.SELLERS);
		JsonNode createdEvent = events("mercato.product.created.v1", first.id()).getFirst();
		assertThat(createdEvent.at("/data/initialStock").asInt()).isEqualTo(first.initialStock());
		assertThat(createdEvent.at("/data/categoryPath").toString()).isEqualTo("[\"Coffee & Tea\",\"Coffee Beans\"]");

		// a restart runs the loaders again: nothing new
		for (ApplicationRunner runner : this.runners) {
			runner.run(new DefaultApplicationArguments());
		}
		assertThat(productRows()).isEqualTo(PRODUCTS);
		assertThat(this.jdbc.sql("select count(*) from outbox where type = 'mercato.product.created.v1'")
			.query(Long.class)
			.single()).isEqualTo(announced);
		assertThat(this.index.documents()).isEqualTo(PRODUCTS);
	}

	@Test
	void adminsRebuildTheIndexFromTheDatabase() {
		assertThat(call(HttpMethod.POST, "/api/products/reindex", sellerToken(), null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// a product the index missed (written behind Hibernate Search's back)
		this.jdbc.sql("update products set name = 'Platypus Espresso Beans' where sku = ?")
			.param(new DemoCatalogGenerator(20261122L).product(40).sku())
			.update();
		assertThat(ok(get("/api/products/search?q=platypus", null)).get("total").asLong()).isZero();

		ResponseEntity<JsonNode> rebuilt = call(HttpMethod.POST, "/api/products/reindex", adminToken(), null);

		assertThat(rebuilt.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rebuilt.getBody().get("documents").asLong()).isEqualTo(productRows());
		assertThat(ok(get("/api/products/search?q=platypus", null)).get("total").asLong()).isOne();
	}

	private static long demoProductsIn(String root, String leaf) {
		DemoCatalogGenerator generator = new DemoCatalogGenerator(20261122L);
		return IntStream.range(0, PRODUCTS)
			.mapToObj(generator::product)
			.filter((product) -> product.leaf().root().equals(root)
					&& (leaf == null || product.leaf().name().equals(leaf)))
			.count();
	}

	private boolean consumed(UUID eventId) {
		return this.jdbc.sql("select count(*) from inbox where consumer = 'inventory-events' and event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	private void publishInventoryUpdated(UUID eventId, UUID productId, int available, Instant time) {
		String event = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/inventory\","
				+ "\"type\":\"mercato.inventory.updated.v1\",\"subject\":\"" + productId + "\",\"time\":\"" + time
				+ "\",\"datacontenttype\":\"application/json\",\"data\":{\"productId\":\"" + productId
				+ "\",\"available\":" + available + ",\"onHand\":" + (available + 1) + ",\"reserved\":1}}";
		assertThat(EventSchemas.validate(jackson2(event))).isEmpty();
		this.rabbit.send("inventory.events", "inventory.updated",
				MessageBuilder.withBody(event.getBytes(StandardCharsets.UTF_8))
					.setContentType("application/cloudevents+json")
					.setMessageId(eventId.toString())
					.build());
	}

	private static com.fasterxml.jackson.databind.JsonNode jackson2(String text) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode ok(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static Set<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((hit) -> hit.get("id").asString()).collect(Collectors.toSet());
	}

}
