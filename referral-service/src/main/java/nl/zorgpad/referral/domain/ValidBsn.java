package nl.zorgpad.referral.domain;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A BSN that passes {@link Bsn#isValid} (surrounding spaces ignored); null is valid: the BSN is optional. */
@Documented
@Constraint(validatedBy = ValidBsn.Check.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidBsn {

    String message() default "is not a valid BSN (nine digits passing the 11-check)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind the annotation. */
    class Check implements ConstraintValidator<ValidBsn, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Bsn.isValid(value.strip());
        }
    }
}
