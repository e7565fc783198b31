package dev.mercato.notification.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.mercato.notification.event.Models;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads, edits and seeds templates. An edit is saved only when every part renders with
 * the sample values of its event ({@link Models#sample}), so sending never meets a broken
 * template of the current version.
 */
@Service
public class TemplateService implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TemplateService.class);

	/**
	 * How long a template read for sending is reused. An edit reaches this instance's
	 * messages at once (the cache entry is dropped when the edit commits) and other
	 * instances' within this time.
	 */
	static final Duration SENDING_CACHE = Duration.ofSeconds(5);

	private final Templates templates;

	private final TemplateRenderer renderer;

	private final Map<TemplateKey, Read> forSending = new ConcurrentHashMap<>();

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
	 * The template to send with: as {@link #find}, but read at most every
	 * {@link #SENDING_CACHE} per key (every message of an event needs it).
	 * @param key the key
	 * @return the template, if one exists for the key
	 */
	public Optional<Template> forSending(TemplateKey key) {
		long now = System.nanoTime();
		Read read = this.forSending.get(key);
		if (read != null && now - read.at() < SENDING_CACHE.toNanos()) {
			return read.template();
		}
		Optional<Template> template = this.templates.find(key);
		this.forSending.put(key, new Read(template, now));
		return template;
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
		this.forSending.remove(key);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a message sent meanwhile may have cached the old version again
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TemplateService.this.forSending.remove(key);
				}
			});
		}
		return this.templates.find(key).orElseThrow();
	}

	private record Read(Optional<Template> template, long at) {
	}

}
