package dev.mercato.notification.template;

import java.util.List;
import java.util.Map;

import dev.mercato.notification.Channel;
import dev.mercato.notification.event.EventKey;
import dev.mercato.notification.event.Models;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TemplateRendererTest {

	TemplateRenderer renderer = new TemplateRenderer();

	@Test
	void userDataIsEscapedInHtmlOnly() {
		RenderedMessage message = this.renderer.render("Hi {{name}}", "<p>Hi {{name}}</p>", "Hi {{name}}",
				Map.of("name", "<script>alert('x')</script> & Co"));
		assertThat(message.html()).isEqualTo("<p>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</p>");
		assertThat(message.text()).isEqualTo("Hi <script>alert('x')</script> & Co");
		assertThat(message.subject()).isEqualTo("Hi <script>alert('x')</script> & Co");
	}

	@Test
	void aSubjectStaysOneLine() {
		assertThat(this.renderer.render("Order\n  {{n}}\r\n", null, "t", Map.of("n", "42")).subject())
			.isEqualTo("Order 42");
	}

	@Test
	void sectionsIterateListsAndTestBooleans() {
		Map<String, Object> model = Map.of("items", List.of(Map.of("name", "a"), Map.of("name", "b")), "paid", false);
		assertThat(this.renderer.render("s", null, "{{#items}}[{{name}}]{{/items}}{{^paid}} unpaid{{/paid}}", model)
			.text()).isEqualTo("[a][b] unpaid");
	}

	@Test
	void anUnknownVariableIsAnErrorNotAnEmptyString() {
		assertThatExceptionOfType(InvalidTemplateException.class)
			.isThrownBy(() -> this.renderer.render("{{nope}}", "<p>{{#x}}</p>", "ok", Map.of("x", true)))
			.satisfies((ex) -> assertThat(ex.errors()).extracting("field").containsExactly("subject", "html"));
	}

	@Test
	void aNullValueRendersEmpty() {
		java.util.Map<String, Object> model = new java.util.HashMap<>();
		model.put("line2", null);
		assertThat(this.renderer.render("s", null, "[{{line2}}]", model).text()).isEqualTo("[]");
	}

	@Test
	void everyDefaultTemplateRendersWithItsEventsVariables() {
		assertThat(DefaultTemplates.all()).hasSizeGreaterThanOrEqualTo(EventKey.values().length);
		for (DefaultTemplates.Default template : DefaultTemplates.all()) {
			RenderedMessage message = this.renderer.render(template.subject(), template.html(), template.text(),
					Models.sample(template.key().event()));
			assertThat(message.subject()).as(template.key().toString()).isNotBlank().doesNotContain("{{");
			assertThat(message.text()).as(template.key().toString()).isNotBlank().doesNotContain("{{");
		}
		// every event has an email
		for (EventKey key : EventKey.values()) {
			assertThat(DefaultTemplates.all()).as(key.key())
				.anyMatch((t) -> t.key().equals(new TemplateKey(key, Channel.EMAIL)));
		}
	}

	@Test
	void templateKeysAreEventDotChannel() {
		assertThat(TemplateKey.parse("order.paid.email"))
			.isEqualTo(new TemplateKey(EventKey.ORDER_PAID, Channel.EMAIL));
		assertThat(TemplateKey.parse("user.password_reset_requested.SMS").toString())
			.isEqualTo("user.password_reset_requested.sms");
		for (String bad : List.of("order.paid", "order.paid.fax", "nope.email", ".email", "email", "")) {
			assertThatExceptionOfType(UnknownTemplateException.class).as(bad).isThrownBy(() -> TemplateKey.parse(bad));
		}
	}

}
