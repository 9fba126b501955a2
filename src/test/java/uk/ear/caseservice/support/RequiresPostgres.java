package uk.ear.caseservice.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class needs PostgreSQL: skipped where it is not reachable, except in CI
 * ({@code CI=true}), where that is a failure. See {@link PostgresDatabase}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresDatabase.Condition.class)
public @interface RequiresPostgres {}
