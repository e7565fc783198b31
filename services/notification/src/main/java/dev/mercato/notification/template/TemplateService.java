package dev.mercato.notification.template;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.notification.event.Models;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads, edits and seeds templates. An edit is saved only when every part renders with
 * the sample values of its event ({@link Models#sample}), so sending never meets a broken
 * template of the current version.
 */
@Service
public class TemplateService implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TemplateService.class);

	private final Templates templates;

	private final TemplateRenderer renderer;

	TemplateService(Templates templates, TemplateRenderer renderer) {
		this.templates = templates;
		this.renderer = renderer;
	}

	/**
	 * Seeds the defaults for every (event, channel) without a row. Safe with several
	 * instances starting at once (insert ... on conflict do nothing).
	 * @return how many were inserted
	 */
	@Transactional
	public int seedDefaults() {
		int inserted = 0;
		for (DefaultTemplates.Default template : DefaultTemplates.all()) {
			// a default that does not render is a bug of this code: fail the start-up
			this.renderer.render(template.subject(), template.html(), template.text(),
					Models.sample(template.key().event()));
			if (this.templates.insertIfAbsent(template.key(), template.subject(), template.html(), template.text())) {
				inserted++;
			}
		}
		return inserted;
	}

	// before the dispatcher and the event listeners start (SmartInitializingSingleton)
	@Override
	public void afterSingletonsInstantiated() {
		int inserted = seedDefaults();
		if (inserted > 0) {
			log.info("Seeded {} default notification templates", inserted);
		}
	}

	/**
	 * Every template.
	 * @return the templates, by key
	 */
	@Transactional(readOnly = true)
	public List<Template> all() {
		return this.templates.all();
	}

	/**
	 * One template.
	 * @param key the key
	 * @return the template, if one exists for the key
	 */
	@Transactional(readOnly = true)
	public Optional<Template> find(TemplateKey key) {
		return this.templates.find(key);
	}

	/**
	 * Creates or replaces a template after checking that it renders.
	 * @param key the key
	 * @param subject the subject template
	 * @param html the HTML template, or {@code null}
	 * @param text the text template
	 * @param enabled whether messages are sent
	 * @param admin who edits
	 * @return the saved template
	 * @throws InvalidTemplateException when a part does not render
	 */
	@Transactional
	public Template save(TemplateKey key, String subject, @Nullable String html, String text, boolean enabled,
			UUID admin) {
		this.renderer.render(subject, html, text, Models.sample(key.event()));
		this.templates.upsert(key, subject, html, text, enabled, admin);
		return this.templates.find(key).orElseThrow();
	}

}
