package dev.mercato.recommender;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.mercato.contracts.events.EventSchemas;
import dev.mercato.contracts.recommender.v1.RecommendRequest;
import dev.mercato.contracts.recommender.v1.RecommendResponse;
import dev.mercato.contracts.recommender.v1.RecommenderServiceGrpc;
import dev.mercato.contracts.recommender.v1.ScoredProduct;
import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestJwtIssuer;
import dev.mercato.recommender.interaction.InteractionKind;
import dev.mercato.recommender.interaction.Interactions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on real PostgreSQL and RabbitMQ: consuming events (each counts once),
 * training on demand, the REST and gRPC answers, and bad input as RFC 9457 problems. One
 * Spring context for all of it; each test uses its own users and products.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "mercato.recommender.model-poll-interval=500ms",
				"mercato.recommender.popularity-refresh-interval=0s", "mercato.recommender.training.factors=8",
				"mercato.recommender.training.iterations=6", "mercato.recommender.training.regularization=1.0",
				"mercato.recommender.training.alpha=20" })
@IsolatedInfrastructure
class RecommenderIT {

	static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Interactions interactions;

	RestClient http;

	UUID admin = UUID.randomUUID();

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", () -> JWT.jwksUri());
	}

	@BeforeEach
	void setUp() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// assertions look at error answers
			})
			.build();
	}

	@Test
	void everyEventTypeDeliveredTwiceCountsOnce() {
		UUID user = UUID.randomUUID();
		UUID lamp = UUID.randomUUID();
		UUID chair = UUID.randomUUID();
		List<UUID> events = new ArrayList<>();
		events.add(publishTwice("product.events", "product.created", productData(lamp, "Lamp", "createdAt")));
		events.add(publishTwice("product.events", "product.created", productData(chair, "Chair", "createdAt")));
		events.add(publishTwice("product.events", "product.updated", productData(chair, "Armchair", "updatedAt")));
		events.add(publishTwice("interaction.events", "product.viewed",
				"{\"productId\":\"" + lamp + "\",\"userId\":\"" + user + "\",\"viewedAt\":\"" + Instant.now() + "\"}"));
		events.add(publishTwice("interaction.events", "cart.item_added",
				"{\"userId\":\"" + user + "\",\"productId\":\"" + lamp + "\",\"quantity\":2,"
						+ "\"unitPrice\":{\"amount\":\"9.99\",\"currency\":\"USD\"},\"addedAt\":\"" + Instant.now()
						+ "\"}"));
		events.add(publishTwice("order.events", "order.paid", orderPaid(user, lamp, chair)));

		await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(this::consumed));
		assertThat(
				this.jdbc.sql("select kind, count(*) from interactions where user_id = ? group by kind order by kind")
					.param(user)
					.query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2))
					.list())
			.containsExactly("CART=1", "PURCHASE=2", "VIEW=1");
		assertThat(this.jdbc.sql("select name from products where id = ?").param(chair).query(String.class).single())
			.isEqualTo("Armchair");
		// what the user bought is never recommended to them
		assertThat(ids(get("/api/recommendations/me?limit=100", JWT.token(user, "CUSTOMER")))).doesNotContain(lamp,
				chair);
	}

	@Test
	void trainsOnDemandAndRecommendsByTasteNotJustPopularity() {
		// two taste groups: tea drinkers and cyclists; one bestseller everybody views
		List<UUID> tea = products("Tea", 4);
		List<UUID> bike = products("Bike", 4);
		UUID bestseller = products("Bestseller", 1).get(0);
		for (int u = 0; u < 30; u++) {
			List<UUID> taste = (u % 2 == 0) ? tea : bike;
			UUID user = UUID.randomUUID();
			record(user, bestseller, InteractionKind.VIEW);
			for (int p = 0; p < 3; p++) {
				record(user, taste.get((u / 2 + p) % taste.size()),
						(p == 0) ? InteractionKind.PURCHASE : InteractionKind.VIEW);
			}
		}
		UUID teaDrinker = UUID.randomUUID();
		record(teaDrinker, tea.get(0), InteractionKind.PURCHASE);
		// two views besides the purchase: with one, a tiny model's random start sometimes
		// left a bike in the top three
		record(teaDrinker, tea.get(1), InteractionKind.VIEW);
		record(teaDrinker, tea.get(2), InteractionKind.VIEW);

		long version = retrain();

		JsonNode similar = get("/api/recommendations/products/" + tea.get(0) + "/similar?limit=3", null).getBody();
		assertThat(similar.get("model").get("kind").asString()).isEqualTo("implicit-als");
		assertThat(similar.get("model").get("version").asLong()).isEqualTo(version);
		assertThat(ids(similar)).hasSize(3).doesNotContain(tea.get(0)).doesNotContainAnyElementsOf(bike);
		assertThat(ids(similar).stream().filter(tea::contains)).hasSizeGreaterThanOrEqualTo(2);
		assertThat(ids(get("/api/recommendations/products/" + tea.get(0) + "?limit=3", null).getBody()))
			.isEqualTo(ids(similar));

		ResponseEntity<JsonNode> mine = get("/api/recommendations/me?limit=3", JWT.token(teaDrinker, "CUSTOMER"));
		assertThat(mine.getBody().get("model").get("kind").asString()).isEqualTo("implicit-als");
		assertThat(ids(mine)).doesNotContain(tea.get(0))
			.containsAnyElementsOf(tea.subList(1, 4))
			.doesNotContainAnyElementsOf(bike);

		// unknown users and products: popularity, the bestseller first
		JsonNode newcomer = get("/api/recommendations/me", JWT.token(UUID.randomUUID(), "CUSTOMER")).getBody();
		assertThat(newcomer.get("model").get("kind").asString()).isEqualTo("popularity");
		assertThat(ids(newcomer).get(0)).isEqualTo(bestseller);
		assertThat(get("/api/recommendations/products/" + UUID.randomUUID(), null).getBody()
			.get("model")
			.get("kind")
			.asString()).isEqualTo("popularity");

		// gRPC: the same answers for other services
		try (GrpcClient grpc = new GrpcClient(this.grpcServer.getPort(), JWT.serviceToken("graphql"))) {
			RecommendResponse forUser = grpc.stub
				.recommend(RecommendRequest.newBuilder().setUserId(teaDrinker.toString()).setLimit(3).build());
			assertThat(forUser.getModelKind()).isEqualTo("implicit-als");
			assertThat(forUser.getModelVersion()).isEqualTo(version);
			assertThat(forUser.getProductsList()).extracting(ScoredProduct::getProductId)
				.doesNotContain(tea.get(0).toString());
			RecommendResponse popular = grpc.stub.recommend(RecommendRequest.newBuilder().setLimit(1).build());
			assertThat(popular.getModelKind()).isEqualTo("popularity");
			assertThat(popular.getProducts(0).getProductId()).isEqualTo(bestseller.toString());
		}

		// archived: gone from every answer at once, before any retraining
		UUID archived = tea.get(1);
		UUID event = publish(UUID.randomUUID(), "product.events", "product.deleted", "{\"productId\":\"" + archived
				+ "\",\"sellerId\":\"" + UUID.randomUUID() + "\",\"archivedAt\":\"" + Instant.now() + "\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> consumed(event));
		assertThat(ids(get("/api/recommendations/products/" + tea.get(0) + "?limit=100", null).getBody())).isNotEmpty()
			.doesNotContain(archived);
		assertThat(ids(get("/api/recommendations/me?limit=100", JWT.token(teaDrinker, "CUSTOMER"))))
			.doesNotContain(archived);
		assertThat(ids(get("/api/recommendations/popular?limit=100", null).getBody())).doesNotContain(archived);
		// a late update older than the archiving does not bring it back
		UUID late = publish(UUID.randomUUID(), "product.events", "product.updated",
				productData(archived, "Tea again", "updatedAt", Instant.parse("2001-01-01T00:00:00Z")));
		await().atMost(Duration.ofSeconds(20)).until(() -> consumed(late));
		assertThat(ids(get("/api/recommendations/popular?limit=100", null).getBody())).doesNotContain(archived);
	}

	@Test
	void popularByCategory() {
		List<UUID> tea = products("Tea", 2);
		record(UUID.randomUUID(), tea.get(1), InteractionKind.VIEW);
		record(UUID.randomUUID(), tea.get(1), InteractionKind.VIEW);
		record(UUID.randomUUID(), tea.get(0), InteractionKind.VIEW);
		// category names match case-insensitively; the cache is per category
		JsonNode answer = get("/api/recommendations/popular?category=drinks-" + tea.get(0) + "&limit=5", null)
			.getBody();
		assertThat(answer.get("model").get("kind").asString()).isEqualTo("popularity");
		assertThat(ids(answer)).containsExactly(tea.get(1), tea.get(0));
	}

	@Test
	void badInputIsAProblemNeverAServerError() {
		String customer = JWT.token(UUID.randomUUID(), "CUSTOMER");
		assertProblem(get("/api/recommendations/popular?limit=0", null), HttpStatus.BAD_REQUEST);
		assertProblem(get("/api/recommendations/popular?limit=101", null), HttpStatus.BAD_REQUEST);
		assertProblem(get("/api/recommendations/popular?limit=ten", null), HttpStatus.BAD_REQUEST);
		assertProblem(get("/api/recommendations/me?limit=-1", customer), HttpStatus.BAD_REQUEST);
		assertProblem(get("/api/recommendations/products/not-a-uuid", null), HttpStatus.BAD_REQUEST);
		assertProblem(get("/api/recommendations/products/not-a-uuid/similar", null), HttpStatus.BAD_REQUEST);
		assertProblem(get("/api/recommendations/me", null), HttpStatus.UNAUTHORIZED);
		assertProblem(post("/api/recommendations/admin/retrain", customer), HttpStatus.FORBIDDEN);
		assertProblem(get("/api/recommendations/admin/model", customer), HttpStatus.FORBIDDEN);
	}

	private long retrain() {
		String token = JWT.token(this.admin, "ADMIN");
		long before = modelVersion(token);
		assertThat(post("/api/recommendations/admin/retrain", token).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(60)).until(() -> modelVersion(token) > before);
		return modelVersion(token);
	}

	private long modelVersion(String adminToken) {
		JsonNode serving = get("/api/recommendations/admin/model", adminToken).getBody().get("serving");
		return (serving == null || serving.isNull()) ? 0 : serving.get("version").asLong();
	}

	private List<UUID> products(String category, int count) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("""
					insert into products (id, name, category_id, category_path, active, changed_at)
					values (?, ?, ?, array['Drinks-' || ?, ?], true, now() - interval '1 day')""")
				.params(id, category + " " + i, null, id, category)
				.update();
			ids.add(id);
		}
		// the category name of these products is "Drinks-<first id>": unique per call
		if (count > 1) {
			this.jdbc.sql("update products set category_path = array['Drinks-' || ?, ?] where id = any(?)")
				.params(ids.get(0), category, ids.toArray(UUID[]::new))
				.update();
		}
		return ids;
	}

	private void record(UUID user, UUID product, InteractionKind kind) {
		this.interactions.record(user, product, kind, Instant.now(), UUID.randomUUID());
	}

	private static List<UUID> ids(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ids(response.getBody());
	}

	private static List<UUID> ids(JsonNode answer) {
		List<UUID> ids = new ArrayList<>();
		answer.get("products").forEach((product) -> ids.add(UUID.fromString(product.get("productId").asString())));
		return ids;
	}

	private ResponseEntity<JsonNode> get(String path, String token) {
		return this.http.get()
			.uri(path)
			.headers((headers) -> bearer(headers, token))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> post(String path, String token) {
		return this.http.post()
			.uri(path)
			.headers((headers) -> bearer(headers, token))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private static void bearer(HttpHeaders headers, String token) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
		assertThat(response.getBody().get("title").asString()).isNotBlank();
	}

	private boolean consumed(UUID eventId) {
		return this.jdbc.sql("select count(*) from inbox where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	private static String productData(UUID product, String name, String timeField) {
		return productData(product, name, timeField, Instant.now());
	}

	private static String productData(UUID product, String name, String timeField, Instant at) {
		return "{\"productId\":\"" + product + "\",\"sellerId\":\"" + UUID.randomUUID() + "\",\"sku\":\"SKU-"
				+ product.toString().substring(0, 8) + "\",\"name\":\"" + name + "\",\"description\":\"d\","
				+ "\"price\":{\"amount\":\"19.99\",\"currency\":\"USD\"},\"categoryId\":\"" + UUID.randomUUID()
				+ "\",\"categoryPath\":[\"Home\",\"Lighting\"],\"imageUrl\":\"/api/products/" + product + "/image\","
				+ "\"status\":\"ACTIVE\",\"" + timeField + "\":\"" + at + "\"}";
	}

	private static String orderPaid(UUID user, UUID... products) {
		StringBuilder items = new StringBuilder();
		for (UUID product : products) {
			items.append((items.length() > 0) ? "," : "")
				.append("{\"productId\":\"" + product + "\",\"sku\":\"S\",\"name\":\"n\",\"quantity\":1,"
						+ "\"unitPrice\":{\"amount\":\"5.00\",\"currency\":\"USD\"},"
						+ "\"lineTotal\":{\"amount\":\"5.00\",\"currency\":\"USD\"}}");
		}
		return "{\"orderId\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + user + "\","
				+ "\"totalAmount\":{\"amount\":\"10.00\",\"currency\":\"USD\"},\"paymentId\":\"" + UUID.randomUUID()
				+ "\",\"items\":[" + items + "],\"paidAt\":\"" + Instant.now() + "\"}";
	}

	private UUID publishTwice(String exchange, String routingKey, String data) {
		UUID eventId = UUID.randomUUID();
		publish(eventId, exchange, routingKey, data);
		publish(eventId, exchange, routingKey, data); // redelivery
		return eventId;
	}

	private UUID publish(UUID eventId, String exchange, String routingKey, String data) {
		String event = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/test\","
				+ "\"type\":\"mercato." + routingKey + ".v1\",\"time\":\"" + Instant.now()
				+ "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
		assertThat(EventSchemas.validate(json(event))).as(event).isEmpty();
		this.rabbit.send(exchange, routingKey,
				MessageBuilder.withBody(event.getBytes(StandardCharsets.UTF_8))
					.setContentType("application/cloudevents+json")
					.setMessageId(eventId.toString())
					.build());
		return eventId;
	}

	private static com.fasterxml.jackson.databind.JsonNode json(String text) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** A gRPC client with a bearer token. */
	static final class GrpcClient implements AutoCloseable {

		final ManagedChannel channel;

		final RecommenderServiceGrpc.RecommenderServiceBlockingStub stub;

		GrpcClient(int port, String token) {
			this.channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
			this.stub = RecommenderServiceGrpc.newBlockingStub(this.channel)
				.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
		}

		@Override
		public void close() {
			this.channel.shutdownNow();
		}

	}

}
