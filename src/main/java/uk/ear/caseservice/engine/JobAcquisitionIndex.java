package uk.ear.caseservice.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find the jobs that are due without reading every future timer
 * (docs/performance.md, "Job acquisition").
 *
 * <p>Every open case keeps its response-window and support timers in {@code ACT_RU_JOB} until they
 * are due: with thousands of open cases nearly all of the table is future timers. The job
 * executor asks several times a second for {@code DUEDATE_ IS NULL OR DUEDATE_ <= now}, and
 * Camunda has no index on {@code DUEDATE_}: each acquisition read the whole table (10 ms with
 * 16,000 jobs, on the same two cores as the requests). With this index PostgreSQL reads only the
 * due jobs and the ones without a due date (0.3 ms).
 *
 * <p>Created at each start if missing (on PostgreSQL without blocking the jobs being written
 * meanwhile), so several nodes may start at once; on H2 too, where it costs nothing.
 */
@Component
@Order(5)
class JobAcquisitionIndex implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

  private final DataSource dataSource;

  JobAcquisitionIndex(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) {
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE INDEX " + (postgres ? "CONCURRENTLY " : "")
            + "IF NOT EXISTS EAR_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      // acquisition still works, reading the whole job table each time
      log.warn("could not index ACT_RU_JOB by due date: {}", e.getMessage());
    }
  }
}
