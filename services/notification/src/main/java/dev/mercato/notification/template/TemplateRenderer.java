package dev.mercato.notification.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import dev.mercato.platform.web.FieldError;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Renders templates with jmustache. The HTML body escapes every value for HTML; subject
 * and text are plain text and escape nothing. A variable the model does not have is an
 * error (not silently empty), so a typo is caught when the template is saved.
 */
@Component
public class TemplateRenderer {

	private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).nullValue("").strictSections(false);

	private final Mustache.Compiler text = Mustache.compiler().escapeHTML(false).nullValue("").strictSections(false);

	/**
	 * Renders a template.
	 * @param subject the subject template
	 * @param htmlBody the HTML template or {@code null}
	 * @param textBody the text template
	 * @param model the values
	 * @return the message
	 * @throws InvalidTemplateException when a part does not compile or render
	 */
	public RenderedMessage render(String subject, @Nullable String htmlBody, String textBody,
			Map<String, Object> model) {
		List<FieldError> errors = new ArrayList<>();
		String renderedSubject = render(this.text, "subject", subject, model, errors);
		String renderedHtml = (htmlBody != null) ? render(this.html, "html", htmlBody, model, errors) : null;
		String renderedText = render(this.text, "text", textBody, model, errors);
		if (!errors.isEmpty()) {
			throw new InvalidTemplateException(errors);
		}
		// a subject is one line: a template's line breaks must not become header folding
		return new RenderedMessage(renderedSubject.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip(), renderedHtml,
				renderedText);
	}

	/**
	 * Renders a stored template.
	 * @param template the template
	 * @param model the values
	 * @return the message
	 * @throws InvalidTemplateException when a part does not render
	 */
	public RenderedMessage render(Template template, Map<String, Object> model) {
		return render(template.subject(), template.html(), template.text(), model);
	}

	private static String render(Mustache.Compiler compiler, String part, String template, Map<String, Object> model,
			List<FieldError> errors) {
		try {
			return compiler.compile(template).execute(model);
		}
		catch (MustacheException ex) {
			errors.add(new FieldError(part, ex.getMessage()));
			return "";
		}
		catch (RuntimeException ex) {
			// jmustache reports some template errors (e.g. an unbalanced section) as
			// other
			// runtime exceptions
			errors.add(new FieldError(part, String.valueOf(ex.getMessage())));
			return "";
		}
	}

}
