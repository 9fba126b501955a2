package uk.ear.caseservice.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;

/**
 * The zero-setup database (H2 in memory) with the demo identities. Every {@link EndToEndTest} with
 * this annotation shares one Spring context, so adding a class here costs no extra start-up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ActiveProfiles({"demo", "test", "test-h2"})
@interface OnH2 {}
