package uk.ear.workers.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.ear.workers.WorkersApplication;

/**
 * The idempotency table on PostgreSQL with the {@code postgres} profile and its WORKERS_DB_*
 * settings: Flyway creates the schema and table, and concurrent attempts at one step send once.
 * Uses the server of the case service's tests ({@code EAR_TEST_PG_URL}, default
 * 127.0.0.1:5432/test, user postgres) in a schema of its own, dropped at the end. Skipped when no
 * server answers, except with {@code CI=true}.
 */
class SentStepsPostgresTest {

  private static final String URL =
      env("EAR_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = env("EAR_TEST_PG_USER", "postgres");
  private static final String PASSWORD = env("EAR_TEST_PG_PASSWORD", "");
  private static final String SCHEMA =
      "ear_workers_test_" + UUID.randomUUID().toString().substring(0, 8);

  private static ConfigurableApplicationContext workers;

  @BeforeAll
  static void start() {
    boolean reachable = reachable();
    if (!reachable && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + URL + " (CI=true)");
    }
    Assumptions.assumeTrue(reachable, "no PostgreSQL at " + URL);
    workers =
        new SpringApplicationBuilder(WorkersApplication.class)
            .web(WebApplicationType.NONE)
            .profiles("test", "postgres")
            .run(
                "--WORKERS_DB_URL=" + URL,
                "--WORKERS_DB_USER=" + USER,
                "--WORKERS_DB_PASSWORD=" + PASSWORD,
                "--WORKERS_DB_SCHEMA=" + SCHEMA,
                "--workers.engine.fetching=false");
  }

  @AfterAll
  static void dropSchema() {
    if (workers != null) {
      workers.getBean(JdbcTemplate.class).execute("drop schema " + SCHEMA + " cascade");
      workers.close();
    }
  }

  @Test
  void flywayCreatesTheTableInTheWorkersOwnSchema() {
    JdbcTemplate jdbc = workers.getBean(JdbcTemplate.class);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from information_schema.tables"
                    + " where table_schema = ? and table_name = 'sent_step'",
                Integer.class,
                SCHEMA))
        .isEqualTo(1);
  }

  @Test
  void concurrentAttemptsAtOneStepSendOnce() throws Exception {
    SentStepsContract.concurrentAttemptsAtOneStepSendOnce(workers.getBean(SentSteps.class));
  }

  @Test
  void aFailedSendIsNotRecordedSoTheRetrySends() {
    SentStepsContract.aFailedSendIsNotRecordedSoTheRetrySends(workers.getBean(SentSteps.class));
  }

  private static boolean reachable() {
    try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
