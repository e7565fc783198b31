package dev.mercato.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Email through the whole platform: a registration through the gateway ends as a welcome
 * email in the local SMTP server (GreenMail, read back over its REST API), and a password
 * reset is completed with the token the email carried.
 */
class NotificationJourneyIT {

	static final Http http = new Http();

	static final Duration MAIL_WAIT = Duration.ofSeconds(60);

	static Platform platform;

	@BeforeAll
	static void startPlatform() {
		platform = Platform.shared();
	}

	@Test
	void registeringPutsAWelcomeEmailInTheInbox() {
		String email = "welcome-" + UUID.randomUUID() + "@example.com";
		Http.Response registered = http.post(platform.gatewayUrl() + "/api/auth/register", """
				{"email": "%s", "password": "Secret123!", "firstName": "Nia", "lastName": "Okafor"}"""
			.formatted(email));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);

		JsonNode mail = awaitMail(email, "Welcome to Mercato, Nia!");
		assertThat(mail.get("Message-ID").asString()).endsWith("@mercato.dev>");
		assertThat(mail.get("mimeMessage").asString()).contains("From: Mercato <no-reply@mercato.dev>")
			.contains("To: " + email)
			.contains("Hello Nia,");

		String token = login(email, "Secret123!");
		await().atMost(MAIL_WAIT).untilAsserted(() -> {
			Http.Response history = http.get(platform.gatewayUrl() + "/api/notifications", token);
			assertThat(history.status()).as(history.body()).isEqualTo(200);
			JsonNode first = history.json().get("items").get(0);
			assertThat(first.get("event").asString()).isEqualTo("user.created");
			assertThat(first.get("channel").asString()).isEqualTo("email");
			assertThat(first.get("status").asString()).isEqualTo("SENT");
		});
		assertThat(http.get(platform.gatewayUrl() + "/api/notifications", null).status()).isEqualTo(401);
	}

	@Test
	void aPasswordIsResetWithTheTokenFromTheEmail() {
		String email = "reset-" + UUID.randomUUID() + "@example.com";
		assertThat(http.post(platform.gatewayUrl() + "/api/auth/register", """
				{"email": "%s", "password": "Secret123!", "firstName": "Remy", "lastName": "Doe"}""".formatted(email))
			.status()).isEqualTo(201);
		Http.Response reset = http.post(platform.gatewayUrl() + "/api/auth/password-reset", """
				{"email": "%s"}""".formatted(email));
		assertThat(reset.status()).isEqualTo(202);

		JsonNode mail = awaitMail(email, "Reset your Mercato password");
		// quoted-printable soft line breaks would split the token
		String raw = mail.get("mimeMessage").asString().replace("=\r\n", "");
		Matcher code = Pattern.compile("Or enter this code: (\\S+)").matcher(raw);
		assertThat(code.find()).as(raw).isTrue();
		Http.Response confirmed = http.post(platform.gatewayUrl() + "/api/auth/password-reset/confirm", """
				{"token": "%s", "newPassword": "Changed123!"}""".formatted(code.group(1)));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
		assertThat(login(email, "Changed123!")).isNotBlank();
	}

	private JsonNode awaitMail(String email, String subject) {
		String inbox = "http://localhost:" + (8025 + platform.portOffset) + "/api/user/"
				+ URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX";
		JsonNode[] found = new JsonNode[1];
		await().atMost(MAIL_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
			Http.Response messages = http.get(inbox, null);
			if (messages.status() != 200) {
				return false;
			}
			for (JsonNode message : messages.json()) {
				if (subject.equals(message.get("subject").asString())) {
					found[0] = message;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	private String login(String email, String password) {
		Http.Response login = http.post(platform.gatewayUrl() + "/api/auth/login", """
				{"email": "%s", "password": "%s"}""".formatted(email, password));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.json().get("accessToken").asString();
	}

}
