package dev.mercato.identity.user.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mercato.identity.user.Email;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The field holds an address {@link Email} accepts, so that bad input is a field error
 * (400) rather than an exception from the value object.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidEmail.Validator.class)
public @interface ValidEmail {

	String message() default "must be a valid e-mail address";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Delegates to the value object's own rule. */
	class Validator implements ConstraintValidator<ValidEmail, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			// null is @NotBlank's business
			return value == null || Email.isValid(value);
		}

	}

}
