package dev.mercato.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mercato.notification.delivery.Dispatcher;
import dev.mercato.notification.delivery.HistoryRetention;
import dev.mercato.notification.event.Models;
import dev.mercato.notification.event.OrderShippedV1;
import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestJwtIssuer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * Events in, email out, through a real SMTP server (GreenMail on a free port), with the
 * dispatcher's backoff shortened to fractions of a second.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"mercato.notification.dispatcher.poll-interval=200ms", "mercato.notification.dispatcher.initial-backoff=300ms",
		"mercato.notification.dispatcher.multiplier=2.0", "mercato.notification.dispatcher.max-backoff=1s",
		"mercato.notification.dispatcher.max-attempts=50", "mercato.notification.public-url=https://shop.test" })
@IsolatedInfrastructure
class NotificationFlowIT {

	static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	// generous: the machine is shared with other builds
	static final Duration WAIT = Duration.ofSeconds(60);

	static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	static GreenMail smtp = new GreenMail(SMTP);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	HistoryRetention retention;

	@Autowired
	JsonMapper json;

	TestEvents events;

	RestClient http;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", JWT::jwksUri);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SMTP::getPort);
	}

	@BeforeAll
	static void startSmtp() {
		smtp.start();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.rabbit);
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// assertions look at error answers
			})
			.build();
	}

	@Test
	void registrationSendsAWelcomeEmailWithTheNameEscapedInHtml() throws Exception {
		UUID user = UUID.randomUUID();
		String email = "welcome-" + user + "@example.com";
		this.events.publish("user.created", UUID.randomUUID(),
				TestEvents.userCreated(user, email, "<b>Ann</b>", "CUSTOMER"));

		await().atMost(WAIT).until(() -> Mails.to(smtp, email).size() == 1);
		MimeMessage mail = Mails.to(smtp, email).get(0);
		assertThat(mail.getSubject()).isEqualTo("Welcome to Mercato, <b>Ann</b>!");
		assertThat(mail.getFrom()[0].toString()).contains("no-reply@mercato.dev");
		assertThat(Mails.text(mail)).contains("Hello <b>Ann</b>,").contains("https://shop.test/login");
		assertThat(Mails.html(mail)).contains("Hello &lt;b&gt;Ann&lt;/b&gt;,").doesNotContain("<b>Ann</b>");
		assertThat(mail.getMessageID()).matches("<[0-9a-f-]{36}@mercato.dev>");
		await().atMost(WAIT).until(() -> "SENT".equals(status(user, "user.created")));
	}

	@Test
	void aPaidOrderDeliveredTwiceSendsOneConfirmationWithTheTotal() {
		UUID user = UUID.randomUUID();
		String email = "buyer-" + user + "@example.com";
		registered(user, email, "CUSTOMER");
		UUID order = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		String paid = TestEvents.orderPaid(order, user);

		this.events.publish("order.paid", eventId, paid);
		this.events.publish("order.paid", eventId, paid); // redelivery: the inbox skips
															// it
		await().atMost(WAIT).until(() -> Mails.to(smtp, email, "confirmed").size() == 1);
		// the inbox forgot the event (retention, or a crash between the effect and the
		// ack of a first copy): the unique (event, channel, user) still holds
		this.jdbc.sql("delete from inbox where event_id = ?").param(eventId).update();
		this.events.publish("order.paid", eventId, paid);
		await().atMost(WAIT).until(() -> consumed(eventId));
		// a later message to the same user: once it arrived, a second confirmation would
		// have
		this.events.publish("order.shipped", UUID.randomUUID(), TestEvents.orderShipped(order, user, "1Z-MARK"));
		await().atMost(WAIT).until(() -> Mails.to(smtp, email, "on its way").size() == 1);

		List<MimeMessage> confirmations = Mails.to(smtp, email, "confirmed");
		assertThat(confirmations).hasSize(1);
		MimeMessage confirmation = confirmations.get(0);
		String number = order.toString().substring(0, 8).toUpperCase();
		assertThat(Mails.subject(confirmation)).isEqualTo("Order " + number + " confirmed: 59.97 USD");
		assertThat(Mails.text(confirmation)).contains("- 2 x Coffee <beans> (SKU-2) at 19.99 USD = 39.98 USD")
			.contains("- 1 x Mug (SKU-1) at 19.99 USD = 19.99 USD")
			.contains("Total: 59.97 USD")
			.contains("https://shop.test/orders/" + order);
		assertThat(Mails.html(confirmation)).contains("Coffee &lt;beans&gt;").contains("<strong>59.97 USD</strong>");
		assertThat(this.jdbc.sql("select count(*) from notifications where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void smtpDownRetriesWithBackoffAndSendsWhenItReturns() {
		UUID user = UUID.randomUUID();
		String email = "outage-" + user + "@example.com";
		registered(user, email, "CUSTOMER");
		smtp.stop();
		try {
			this.events.publish("order.shipped", UUID.randomUUID(),
					TestEvents.orderShipped(UUID.randomUUID(), user, "1Z-OUTAGE"));
			await().atMost(WAIT).until(() -> attempts(user, "order.shipped") >= 3);
			Row row = row(user, "order.shipped");
			assertThat(row.status()).isEqualTo("PENDING");
			assertThat(row.lastError()).startsWith("SMTP_UNAVAILABLE");
		}
		finally {
			smtp = new GreenMail(SMTP);
			smtp.start();
		}
		await().atMost(WAIT).until(() -> Mails.to(smtp, email, "on its way").size() == 1);
		assertThat(Mails.text(Mails.to(smtp, email, "on its way").get(0))).contains("Tracking number: 1Z-OUTAGE");
		await().atMost(WAIT).until(() -> "SENT".equals(status(user, "order.shipped")));
		assertThat(row(user, "order.shipped").attempts()).isGreaterThanOrEqualTo(4);
		assertThat(row(user, "order.shipped").lastError()).isNull();
	}

	@Test
	void anEditedTemplateShapesTheNextEmail() {
		// order.cancelled: the other tests read the default order.shipped and order.paid
		String admin = JWT.token(UUID.randomUUID(), "ADMIN");
		String path = "/api/notifications/templates/order.cancelled.email";
		ResponseEntity<JsonNode> before = get(path, admin);
		assertThat(before.getStatusCode()).isEqualTo(HttpStatus.OK);
		int version = before.getBody().get("version").asInt();
		assertThat(before.getBody().get("variables").toString()).contains("reason", "refunded", "firstName");
		assertThat(get("/api/notifications/templates", admin).getBody().size()).isGreaterThanOrEqualTo(8);

		// a typo in a variable, an unclosed section: refused, nothing changes
		assertProblem(put(path, admin, "{\"subject\":\"Cancelled {{reasn}}\",\"text\":\"x\"}"), HttpStatus.BAD_REQUEST,
				"TEMPLATE_INVALID");
		ResponseEntity<JsonNode> unclosed = put(path, admin,
				"{\"subject\":\"ok\",\"html\":\"{{#refunded}}<p>\",\"text\":\"x\"}");
		assertProblem(unclosed, HttpStatus.BAD_REQUEST, "TEMPLATE_INVALID");
		assertThat(unclosed.getBody().get("errors").get(0).get("field").asString()).isEqualTo("html");
		assertProblem(put(path, admin, "{\"subject\":\"\",\"text\":\"x\"}"), HttpStatus.BAD_REQUEST, null);
		assertProblem(
				put("/api/notifications/templates/order.cancelled.fax", admin, "{\"subject\":\"s\",\"text\":\"x\"}"),
				HttpStatus.NOT_FOUND, "TEMPLATE_NOT_FOUND");
		assertProblem(put(path, JWT.token(UUID.randomUUID(), "CUSTOMER"), "{\"subject\":\"s\",\"text\":\"x\"}"),
				HttpStatus.FORBIDDEN, null);
		assertProblem(get(path, JWT.token(UUID.randomUUID(), "CUSTOMER")), HttpStatus.FORBIDDEN, null);
		assertThat(get(path, admin).getBody().get("version").asInt()).isEqualTo(version);

		ResponseEntity<JsonNode> saved = put(path, admin, """
				{"subject": "Sorry {{firstName}}, order {{orderNumber}} is off",
				 "html": "<p>Hi {{firstName}}, it was cancelled because {{reason}}.</p>",
				 "text": "Hi {{firstName}}, it was cancelled because {{reason}}."}""");
		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(saved.getBody().get("version").asInt()).isEqualTo(version + 1);

		UUID user = UUID.randomUUID();
		String email = "edited-" + user + "@example.com";
		registered(user, email, "CUSTOMER");
		UUID order = UUID.randomUUID();
		this.events.publish("order.cancelled", UUID.randomUUID(),
				"{\"orderId\":\"" + order + "\",\"userId\":\"" + user
						+ "\",\"totalAmount\":{\"amount\":\"5.00\",\"currency\":\"EUR\"},\"reason\":\"OUT_OF_STOCK\","
						+ "\"refunded\":false,\"cancelledAt\":\"2026-01-01T00:00:00Z\"}");
		await().atMost(WAIT).until(() -> Mails.to(smtp, email, "Sorry").size() == 1);
		MimeMessage mail = Mails.to(smtp, email, "Sorry").get(0);
		assertThat(Mails.subject(mail))
			.isEqualTo("Sorry Edith, order " + order.toString().substring(0, 8).toUpperCase() + " is off");
		assertThat(Mails.text(mail))
			.isEqualToIgnoringNewLines("Hi Edith, it was cancelled because an item is out of stock.");
	}

	@Test
	void optingOutOfEmailSuppressesIt() {
		UUID user = UUID.randomUUID();
		String email = "quiet-" + user + "@example.com";
		registered(user, email, "CUSTOMER");
		String token = JWT.token(user, "CUSTOMER");
		ResponseEntity<JsonNode> defaults = get("/api/notifications/preferences", token);
		assertThat(defaults.getBody().toString()).isEqualTo("{\"email\":true,\"sms\":false,\"push\":true}");
		ResponseEntity<JsonNode> off = put("/api/notifications/preferences", token, "{\"email\": false}");
		assertThat(off.getBody().toString()).isEqualTo("{\"email\":false,\"sms\":false,\"push\":true}");

		UUID suppressed = UUID.randomUUID();
		UUID suppressedOrder = UUID.randomUUID();
		this.events.publish("order.paid", suppressed, TestEvents.orderPaid(suppressedOrder, user));
		await().atMost(WAIT).until(() -> consumed(suppressed));
		assertThat(this.jdbc.sql("select count(*) from notifications where event_id = ?")
			.param(suppressed)
			.query(Long.class)
			.single()).isZero();

		put("/api/notifications/preferences", token, "{\"email\": true}");
		UUID order = UUID.randomUUID();
		this.events.publish("order.paid", UUID.randomUUID(), TestEvents.orderPaid(order, user));
		String number = order.toString().substring(0, 8).toUpperCase();
		await().atMost(WAIT).until(() -> Mails.to(smtp, email, number).size() == 1);
		assertThat(Mails.to(smtp, email, "confirmed")).hasSize(1);
		assertProblem(put("/api/notifications/preferences", token, "{\"email\": \"maybe\"}"), HttpStatus.BAD_REQUEST,
				null);
		assertProblem(get("/api/notifications/preferences", null), HttpStatus.UNAUTHORIZED, null);
	}

	@Test
	void theResetEmailCarriesTheTokenWhichIsErasedOnceSent() {
		UUID user = UUID.randomUUID();
		String email = "reset-" + user + "@example.com";
		String token = "tok-" + UUID.randomUUID() + UUID.randomUUID();
		this.events.publish("user.password_reset_requested", UUID.randomUUID(),
				"{\"userId\":\"" + user + "\",\"email\":\"" + email + "\",\"firstName\":\"Rita\",\"resetToken\":\""
						+ token + "\",\"expiresAt\":\"2030-01-01T00:30:00Z\"}");
		await().atMost(WAIT).until(() -> Mails.to(smtp, email, "Reset").size() == 1);
		String text = Mails.text(Mails.to(smtp, email, "Reset").get(0));
		assertThat(text).contains("Hello Rita,").contains("https://shop.test/reset-password?token=" + token);
		await().atMost(WAIT).until(() -> "SENT".equals(status(user, "user.password_reset_requested")));
		assertThat(this.jdbc.sql("select count(*) from notifications where model like ?")
			.param("%" + token + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void lowStockIsMailedToEveryAdmin() {
		UUID admin1 = UUID.randomUUID();
		UUID admin2 = UUID.randomUUID();
		UUID customer = UUID.randomUUID();
		registered(admin1, "admin1-" + admin1 + "@example.com", "ADMIN");
		registered(admin2, "admin2-" + admin2 + "@example.com", "CUSTOMER", "ADMIN");
		registered(customer, "customer-" + customer + "@example.com", "CUSTOMER");
		UUID product = UUID.randomUUID();
		this.events.publish("inventory.low_stock", UUID.randomUUID(), "{\"productId\":\"" + product
				+ "\",\"sellerId\":\"" + UUID.randomUUID() + "\",\"available\":2,\"threshold\":5}");
		await().atMost(WAIT)
			.until(() -> Mails.to(smtp, "admin1-" + admin1 + "@example.com", "Low stock").size() == 1
					&& Mails.to(smtp, "admin2-" + admin2 + "@example.com", "Low stock").size() == 1);
		assertThat(Mails.subject(Mails.to(smtp, "admin1-" + admin1 + "@example.com", "Low stock").get(0)))
			.isEqualTo("Low stock: product " + product + " has 2 left");
		assertThat(Mails.to(smtp, "customer-" + customer + "@example.com", "Low stock")).isEmpty();
	}

	@Test
	void anEventForAUserNotYetReplicatedWaitsForTheUser() {
		UUID user = UUID.randomUUID();
		String email = "late-" + user + "@example.com";
		UUID order = UUID.randomUUID();
		this.events.publish("order.paid", UUID.randomUUID(), TestEvents.orderPaid(order, user));
		await().atMost(WAIT).until(() -> {
			Row row = rowOrNull(user, "order.paid");
			return row != null && row.lastError() != null && row.lastError().startsWith("RECIPIENT_UNKNOWN");
		});
		assertThat(row(user, "order.paid").status()).isEqualTo("PENDING");
		assertThat(row(user, "order.paid").attempts()).isZero();

		this.events.publish("user.created", UUID.randomUUID(), TestEvents.userCreated(user, email, "Lou", "CUSTOMER"));
		await().atMost(WAIT).until(() -> Mails.to(smtp, email, "confirmed").size() == 1);
		assertThat(Mails.text(Mails.to(smtp, email, "confirmed").get(0))).contains("Hello Lou,");
	}

	@Test
	void usersReadOnlyTheirOwnHistoryNewestFirst() {
		UUID user = UUID.randomUUID();
		String email = "history-" + user + "@example.com";
		registered(user, email, "CUSTOMER");
		UUID other = UUID.randomUUID();
		registered(other, "other-" + other + "@example.com", "CUSTOMER");
		this.events.publish("order.shipped", UUID.randomUUID(),
				TestEvents.orderShipped(UUID.randomUUID(), user, "1Z-H"));
		await().atMost(WAIT).until(() -> "SENT".equals(status(user, "order.shipped")));

		String token = JWT.token(user, "CUSTOMER");
		ResponseEntity<JsonNode> page = get("/api/notifications?page=0&size=1", token);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody().get("total").asLong()).isEqualTo(2);
		assertThat(page.getBody().get("size").asInt()).isEqualTo(1);
		JsonNode newest = page.getBody().get("items").get(0);
		assertThat(newest.get("event").asString()).isEqualTo("order.shipped");
		assertThat(newest.get("channel").asString()).isEqualTo("email");
		assertThat(newest.get("status").asString()).isEqualTo("SENT");
		assertThat(newest.get("subject").asString()).contains("is on its way");
		JsonNode second = get("/api/notifications?page=1&size=1", token).getBody().get("items").get(0);
		assertThat(second.get("event").asString()).isEqualTo("user.created");
		assertThat(get("/api/notifications", token).getBody().toString()).doesNotContain(other.toString());
		assertThat(get("/api/notifications", JWT.token(other, "CUSTOMER")).getBody().get("total").asLong()).isOne();
		assertProblem(get("/api/notifications?size=1000", token), HttpStatus.BAD_REQUEST, null);
		assertProblem(get("/api/notifications", null), HttpStatus.UNAUTHORIZED, null);
		// the OpenAPI document the gateway's Swagger UI lists
		ResponseEntity<JsonNode> docs = get("/v3/api-docs", null);
		assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(docs.getBody().get("paths").propertyNames()).contains("/api/notifications",
				"/api/notifications/preferences", "/api/notifications/templates/{key}");
	}

	@Test
	void severalDispatchersSendEachNotificationOnce() throws Exception {
		UUID user = UUID.randomUUID();
		String email = "crowd-" + user + "@example.com";
		registered(user, email, "CUSTOMER");
		int count = 30;
		String model = this.json
			.writeValueAsString(Models.of(new OrderShippedV1(UUID.randomUUID(), user, null, "DHL", "1Z-CROWD", null),
					java.net.URI.create("https://shop.test")));
		for (int i = 0; i < count; i++) {
			// held back from this instance's dispatcher until all are due at once
			this.jdbc
				.sql("""
						insert into notifications (id, event_id, event_key, channel, user_id, model, status, next_attempt_at)
						values (?, ?, 'order.shipped', 'EMAIL', ?, ?, 'PENDING', now() + interval '1 hour')
						""")
				.params(UUID.randomUUID(), UUID.randomUUID(), user, model)
				.update();
		}
		this.jdbc.sql("update notifications set next_attempt_at = now() where user_id = ? and status = 'PENDING'")
			.param(user)
			.update();
		// four more "instances" besides this one's own dispatcher thread
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<?>> dispatchers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				dispatchers.add(pool.submit(() -> {
					while (this.dispatcher.dispatchDue() > 0) {
						// next batch
					}
				}));
			}
			for (Future<?> dispatcher : dispatchers) {
				dispatcher.get();
			}
		}
		await().atMost(WAIT)
			.until(() -> Mails.to(smtp, email, "on its way").size() >= count && this.jdbc
				.sql("select count(*) from notifications where user_id = ? and status = 'SENT'"
						+ " and event_key = 'order.shipped'")
				.param(user)
				.query(Long.class)
				.single() == count);
		assertThat(Mails.to(smtp, email, "on its way")).hasSize(count);
		assertThat(this.jdbc.sql("select max(attempts) from notifications where user_id = ?")
			.param(user)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void finishedNotificationsPastTheRetentionAreDeleted() {
		UUID user = UUID.randomUUID();
		registered(user, "old-" + user + "@example.com", "CUSTOMER");
		this.jdbc
			.sql("""
					insert into notifications (id, event_id, event_key, channel, user_id, status, next_attempt_at, created_at)
					values (?, ?, 'order.paid', 'EMAIL', ?, 'PENDING', now() + interval '1 hour', now() - interval '400 days')
					""")
			.params(UUID.randomUUID(), UUID.randomUUID(), user)
			.update();
		this.jdbc
			.sql("update notifications set created_at = now() - interval '400 days' where user_id = ?"
					+ " and event_key = 'user.created'")
			.param(user)
			.update();

		assertThat(this.retention.purge()).isPositive();

		assertThat(this.jdbc.sql("select status from notifications where user_id = ?")
			.param(user)
			.query(String.class)
			.list()).containsExactly("PENDING");
	}

	// ---------------------------------------------------------------- helpers

	private void registered(UUID user, String email, String... roles) {
		this.events.publish("user.created", UUID.randomUUID(),
				TestEvents.userCreated(user, email, email.startsWith("edited") ? "Edith" : "Tess", roles));
		await().atMost(WAIT).until(() -> "SENT".equals(status(user, "user.created")));
	}

	private boolean consumed(UUID eventId) {
		return this.jdbc.sql("select count(*) from inbox where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	record Row(String status, int attempts, String lastError) {
	}

	private Row rowOrNull(UUID user, String key) {
		return this.jdbc
			.sql("select status, attempts, last_error from notifications where user_id = ? and event_key = ?"
					+ " and channel = 'EMAIL' order by created_at desc limit 1")
			.params(user, key)
			.query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3)))
			.optional()
			.orElse(null);
	}

	private Row row(UUID user, String key) {
		Row row = rowOrNull(user, key);
		assertThat(row).as("notification " + key + " of " + user).isNotNull();
		return row;
	}

	private String status(UUID user, String key) {
		Row row = rowOrNull(user, key);
		return (row != null) ? row.status() : null;
	}

	private int attempts(UUID user, String key) {
		Row row = rowOrNull(user, key);
		return (row != null) ? row.attempts() : 0;
	}

	private ResponseEntity<JsonNode> get(String path, String token) {
		return this.http.get().uri(path).headers((h) -> auth(h, token)).retrieve().toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> put(String path, String token, String body) {
		return this.http.put()
			.uri(path)
			.headers((h) -> auth(h, token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private static void auth(HttpHeaders headers, String token) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isNotNull();
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		if (code != null) {
			assertThat(response.getBody().get("code").asString()).isEqualTo(code);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
