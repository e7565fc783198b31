package dev.mercato.notification;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mercato.notification.delivery.push.WebPushCrypto;
import dev.mercato.platform.test.IsolatedInfrastructure;
import dev.mercato.platform.test.TestJwtIssuer;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMS and push channels against a real local HTTP server (WireMock) standing in for a
 * Twilio-style SMS API and a browser vendor's push service. The push body is decrypted
 * here with the subscription's private key, as a browser would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mercato.notification.dispatcher.poll-interval=200ms",
				"mercato.notification.dispatcher.initial-backoff=300ms",
				"mercato.notification.dispatcher.max-backoff=1s", "mercato.notification.sms.account-sid=AC123",
				"mercato.notification.sms.auth-token=secret-token", "mercato.notification.sms.from=+15550009999",
				"mercato.notification.push.allow-http=true" })
@IsolatedInfrastructure
class SmsAndPushIT {

	static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	// generous: the machine is shared with other builds
	static final Duration WAIT = Duration.ofSeconds(60);

	static final String SMS_PATH = "/2010-04-01/Accounts/AC123/Messages.json";

	static final WireMockServer provider = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final ServerSetup SMTP = new ServerSetup(NotificationFlowIT.freePort(), "127.0.0.1",
			ServerSetup.PROTOCOL_SMTP);

	static final GreenMail smtp = new GreenMail(SMTP);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static {
		provider.start();
	}

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	TestEvents events;

	RestClient http;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", JWT::jwksUri);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SMTP::getPort);
		registry.add("mercato.notification.sms.base-url", provider::baseUrl);
	}

	@BeforeAll
	static void start() {
		smtp.start();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
		provider.stop();
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
		provider.resetAll();
		provider.stubFor(WireMock.post(urlEqualTo(SMS_PATH))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")));
		provider.stubFor(WireMock.post(urlEqualTo(SMS_PATH))
			.withFormParam("To", equalTo("+1999"))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":21211,\"message\":\"The 'To' number +1999 is not a valid phone number.\"}")));
		provider.stubFor(WireMock.post(urlPathMatching("/push/ok-.*")).willReturn(aResponse().withStatus(201)));
		provider.stubFor(WireMock.post(urlPathMatching("/push/gone-.*")).willReturn(aResponse().withStatus(410)));
	}

	@Test
	void aShippedOrderReachesEveryChannelTheUserChose() throws Exception {
		UUID user = UUID.randomUUID();
		registered(user, "+15550001111");
		String token = JWT.token(user, "CUSTOMER");
		put("/api/notifications/preferences", token, "{\"sms\": true}");
		KeyPair browser = WebPushCrypto.generateKeyPair();
		byte[] auth = new byte[16];
		new SecureRandom().nextBytes(auth);
		String endpoint = provider.baseUrl() + "/push/ok-" + user;
		ResponseEntity<JsonNode> subscribed = post("/api/notifications/push/subscriptions", token,
				subscription(endpoint, browser, auth));
		assertThat(subscribed.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		UUID order = UUID.randomUUID();
		this.events.publish("order.shipped", UUID.randomUUID(), TestEvents.orderShipped(order, user, "1Z-MULTI"));
		String number = order.toString().substring(0, 8).toUpperCase();

		await().atMost(WAIT).until(() -> !sms("+15550001111").isEmpty() && !pushes("/push/ok-" + user).isEmpty());
		LoggedRequest sms = sms("+15550001111").get(0);
		assertThat(sms.getHeader("Authorization")).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString("AC123:secret-token".getBytes(StandardCharsets.UTF_8)));
		assertThat(sms.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(sms.formParameters().get("From").firstValue()).isEqualTo("+15550009999");
		assertThat(sms.formParameters().get("Body").firstValue())
			.isEqualTo("Mercato: order " + number + " shipped with UPS, tracking 1Z-MULTI.");

		LoggedRequest push = pushes("/push/ok-" + user).get(0);
		assertThat(push.getHeader("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(push.getHeader("TTL")).isEqualTo("86400");
		assertThat(push.getHeader("Topic")).hasSize(22);
		String vapidKey = get("/api/notifications/push/vapid-public-key", token).getBody().get("publicKey").asString();
		String authorization = push.getHeader("Authorization");
		assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + vapidKey);
		String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(", k="));
		assertVapidSignature(jwt, vapidKey, provider.baseUrl());
		JsonNode payload = JSON.readTree(WebPushCrypto.decrypt(push.getBody(), browser, auth));
		assertThat(payload.get("title").asString()).isEqualTo("Order " + number + " shipped");
		assertThat(payload.get("body").asString()).isEqualTo("UPS tracking number 1Z-MULTI");

		await().atMost(WAIT)
			.until(() -> statuses(user, "order.shipped").equals(List.of("EMAIL:SENT", "PUSH:SENT", "SMS:SENT")));
		assertThat(Mails.to(smtp, "sms-" + user + "@example.com", "on its way")).hasSize(1);
	}

	@Test
	void aRefusedNumberAndAGoneSubscriptionFailWithoutRetrying() {
		UUID user = UUID.randomUUID();
		registered(user, "+1999");
		String token = JWT.token(user, "CUSTOMER");
		put("/api/notifications/preferences", token, "{\"sms\": true}");
		KeyPair browser = WebPushCrypto.generateKeyPair();
		byte[] auth = new byte[16];
		String endpoint = provider.baseUrl() + "/push/gone-" + user;
		post("/api/notifications/push/subscriptions", token, subscription(endpoint, browser, auth));

		this.events.publish("order.shipped", UUID.randomUUID(),
				TestEvents.orderShipped(UUID.randomUUID(), user, "1Z-FAIL"));
		await().atMost(WAIT)
			.until(() -> statuses(user, "order.shipped").equals(List.of("EMAIL:SENT", "PUSH:FAILED", "SMS:FAILED")));
		assertThat(error(user, "SMS")).startsWith("SMS_PROVIDER 400").contains("21211");
		assertThat(error(user, "PUSH")).isEqualTo("PUSH_SUBSCRIPTION_GONE 410");
		assertThat(attempts(user, "SMS")).isOne();
		assertThat(attempts(user, "PUSH")).isOne();
		assertThat(get("/api/notifications/push/subscriptions", token).getBody().size()).isZero();
	}

	@Test
	void optingOutOfSmsSuppressesIt() {
		UUID user = UUID.randomUUID();
		registered(user, "+15550002222");
		String token = JWT.token(user, "CUSTOMER");
		// SMS is opt-in: without a choice, no text message
		this.events.publish("order.shipped", UUID.randomUUID(),
				TestEvents.orderShipped(UUID.randomUUID(), user, "1Z-DEFAULT"));
		await().atMost(WAIT).until(() -> statuses(user, "order.shipped").equals(List.of("EMAIL:SENT")));
		put("/api/notifications/preferences", token, "{\"sms\": true}");
		this.events.publish("order.shipped", UUID.randomUUID(),
				TestEvents.orderShipped(UUID.randomUUID(), user, "1Z-ON"));
		await().atMost(WAIT).until(() -> sms("+15550002222").size() == 1);
		put("/api/notifications/preferences", token, "{\"sms\": false}");
		UUID off = UUID.randomUUID();
		this.events.publish("order.shipped", off, TestEvents.orderShipped(UUID.randomUUID(), user, "1Z-OFF"));
		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("select count(*) from notifications where event_id = ?" + " and status = 'SENT'")
				.param(off)
				.query(Long.class)
				.single() == 1);
		assertThat(this.jdbc.sql("select channel from notifications where event_id = ?")
			.param(off)
			.query(String.class)
			.list()).containsExactly("EMAIL");
		assertThat(sms("+15550002222")).hasSize(1);
	}

	@Test
	void subscriptionsAreValidated() {
		String token = JWT.token(UUID.randomUUID(), "CUSTOMER");
		KeyPair browser = WebPushCrypto.generateKeyPair();
		String badKey = "{\"endpoint\":\"https://push.example/x\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\"AAAAAAAAAAAAAAAAAAAAAA\"}}";
		assertProblem(post("/api/notifications/push/subscriptions", token, badKey), "PUSH_KEYS_INVALID");
		assertProblem(post("/api/notifications/push/subscriptions", token,
				subscription("ftp://push.example/x", browser, new byte[16])), "PUSH_ENDPOINT_INVALID");
		assertProblem(post("/api/notifications/push/subscriptions", token, "{\"endpoint\":\"\"}"), null);
		assertThat(post("/api/notifications/push/subscriptions", null,
				subscription("https://push.example/x", browser, new byte[16]))
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get("/api/notifications/push/vapid-public-key", null).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		String key = get("/api/notifications/push/vapid-public-key", token).getBody().get("publicKey").asString();
		assertThat(WebPushCrypto.fromBase64Url(key)).hasSize(65);
		assertThat(this.jdbc.sql("select count(*) from push_subscriptions where endpoint like '%push.example%'")
			.query(Long.class)
			.single()).isZero();
	}

	// ---------------------------------------------------------------- helpers

	private void registered(UUID user, String phone) {
		String email = "sms-" + user + "@example.com";
		this.events.publish("user.created", UUID.randomUUID(), TestEvents.userCreated(user, email, "Sam", "CUSTOMER"));
		this.events.publish("user.updated", UUID.randomUUID(),
				"{\"userId\":\"" + user + "\",\"email\":\"" + email
						+ "\",\"firstName\":\"Sam\",\"lastName\":\"Tester\"," + "\"phone\":\"" + phone
						+ "\",\"roles\":[\"CUSTOMER\"],\"changes\":[\"profile\"]}");
		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("select count(*) from recipients where user_id = ? and phone = ?")
				.params(user, phone)
				.query(Long.class)
				.single() == 1);
	}

	private static String subscription(String endpoint, KeyPair browser, byte[] auth) {
		return "{\"endpoint\":\"" + endpoint + "\",\"keys\":{\"p256dh\":\""
				+ WebPushCrypto.base64Url(WebPushCrypto.uncompressed((ECPublicKey) browser.getPublic()))
				+ "\",\"auth\":\"" + WebPushCrypto.base64Url(auth) + "\"}}";
	}

	private static void assertVapidSignature(String jwt, String publicKey, String audience) throws Exception {
		String[] parts = jwt.split("\\.");
		Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
		signature.initVerify(WebPushCrypto.publicKey(WebPushCrypto.fromBase64Url(publicKey)));
		signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(signature.verify(WebPushCrypto.fromBase64Url(parts[2]))).isTrue();
		JsonNode claims = JSON.readTree(WebPushCrypto.fromBase64Url(parts[1]));
		assertThat(claims.get("aud").asString()).isEqualTo(audience);
		assertThat(claims.get("sub").asString()).isEqualTo("mailto:ops@mercato.dev");
	}

	private static List<LoggedRequest> sms(String to) {
		return provider.findAll(postRequestedFor(urlEqualTo(SMS_PATH)).withFormParam("To", equalTo(to)));
	}

	private static List<LoggedRequest> pushes(String path) {
		return provider.findAll(postRequestedFor(urlEqualTo(path)));
	}

	private List<String> statuses(UUID user, String key) {
		return this.jdbc.sql(
				"select channel || ':' || status from notifications where user_id = ? and event_key = ? order by channel")
			.params(user, key)
			.query(String.class)
			.list();
	}

	private String error(UUID user, String channel) {
		return this.jdbc.sql("select last_error from notifications where user_id = ? and channel = ?")
			.params(user, channel)
			.query(String.class)
			.single();
	}

	private int attempts(UUID user, String channel) {
		return this.jdbc.sql("select attempts from notifications where user_id = ? and channel = ?")
			.params(user, channel)
			.query(Integer.class)
			.single();
	}

	private ResponseEntity<JsonNode> get(String path, String token) {
		return this.http.get().uri(path).headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).retrieve().toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> put(String path, String token, String body) {
		return this.http.put()
			.uri(path)
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> post(String path, String token, String body) {
		return this.http.post().uri(path).headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, String code) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		if (code != null) {
			assertThat(response.getBody().get("code").asString()).isEqualTo(code);
		}
	}

}
