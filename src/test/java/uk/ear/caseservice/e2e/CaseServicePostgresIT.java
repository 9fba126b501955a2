package uk.ear.caseservice.e2e;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.ear.caseservice.support.PostgresDatabase;
import uk.ear.caseservice.support.RequiresPostgres;

/** The contract on PostgreSQL, with the production profile plus the demo identities. */
@RequiresPostgres
@ActiveProfiles({"postgres", "demo", "test"})
class CaseServicePostgresIT extends CaseServiceContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresDatabase::url);
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresDatabase.PASSWORD);
  }
}
