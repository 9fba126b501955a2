package uk.ear.caseservice.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import uk.ear.caseservice.support.PostgresDatabase;
import uk.ear.caseservice.support.RequiresPostgres;

/**
 * PostgreSQL (a fresh database for this run) with the production profile plus the demo
 * identities. Every {@link EndToEndTest} with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequiresPostgres
@ActiveProfiles({"postgres", "demo", "test"})
@ContextConfiguration(initializers = OnPostgres.Database.class)
@interface OnPostgres {

  /** Points the application at this run's database. */
  class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "spring.datasource.url=" + PostgresDatabase.url(),
              "spring.datasource.username=" + PostgresDatabase.USER,
              "spring.datasource.password=" + PostgresDatabase.PASSWORD)
          .applyTo(context);
    }
  }
}
