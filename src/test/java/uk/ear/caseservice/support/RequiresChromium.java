package uk.ear.caseservice.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class drives a real browser: Debian's {@code chromium} and {@code chromium-driver}
 * packages. Skipped where they are not installed, except in CI ({@code CI=true}), where that is a
 * failure. See {@link Chromium}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Chromium.Condition.class)
public @interface RequiresChromium {}
