package uk.ear.caseservice.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.ear.caseservice.CaseServiceApplication;

/** Outside the demo profile there are no default passwords: the service will not start. */
class ProductionStartupTest {

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    // no PostgreSQL needed to see the refusal: it comes before any request is served
    assertThatThrownBy(() -> run(newDatabase(), "postgres", "--EAR_ADMIN_PASSWORD="))
        .rootCause()
        .hasMessageContaining("EAR_ADMIN_PASSWORD");
  }

  @Test
  void refusesToStartWhileDemoUsersWithTheDemoPasswordAreStillThere() {
    String db = newDatabase();
    // once run as a demo: the demo users and their passwords are now in the database ...
    run(db, "demo").close();
    // ... then in production with a strong admin password: the demo passwords must go first
    assertThatThrownBy(() -> run(db, "postgres", "--EAR_ADMIN_PASSWORD=a-long-secret-passphrase"))
        .rootCause()
        .hasMessageContaining("still have a default password")
        .hasMessageContaining("sw.preston1");
  }

  /** A file database, as a real one outlives the application. */
  private static String newDatabase() {
    return "jdbc:h2:file:./target/startup-test-" + System.nanoTime();
  }

  private static ConfigurableApplicationContext run(String db, String profile, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=" + profile,
                "--spring.datasource.url=" + db,
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--server.port=0",
                "--ear.demo.cases=false",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                // the refusals are expected: keep their stack traces out of the build log
                "--logging.level.root=OFF"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(CaseServiceApplication.class).run(args.toArray(String[]::new));
  }
}
