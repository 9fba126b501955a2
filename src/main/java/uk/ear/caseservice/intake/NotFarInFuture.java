package uk.ear.caseservice.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** Not more than five minutes ahead of the service's clock (police clocks drift a little). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotFarInFuture.Validator.class)
public @interface NotFarInFuture {

  String message() default "must not be more than 5 minutes in the future";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<NotFarInFuture, OffsetDateTime> {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;

    public Validator(Clock clock) {
      this.clock = clock;
    }

    @Override
    public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
      return value == null || !value.toInstant().isAfter(clock.instant().plus(TOLERANCE));
    }
  }
}
