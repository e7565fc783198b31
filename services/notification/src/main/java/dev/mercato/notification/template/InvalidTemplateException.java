package dev.mercato.notification.template;

import java.util.List;

import dev.mercato.platform.web.ApiException;
import dev.mercato.platform.web.FieldError;

import org.springframework.http.HttpStatus;

/**
 * A template that does not compile or does not render with its event's variables (400).
 */
public class InvalidTemplateException extends ApiException {

	private final List<FieldError> errors;

	InvalidTemplateException(List<FieldError> errors) {
		super("TEMPLATE_INVALID", "The template does not render: " + errors);
		this.errors = List.copyOf(errors);
	}

	/**
	 * What is wrong, per part of the template.
	 * @return the errors
	 */
	public List<FieldError> errors() {
		return this.errors;
	}

	@Override
	public HttpStatus getStatus() {
		return HttpStatus.BAD_REQUEST;
	}

}
