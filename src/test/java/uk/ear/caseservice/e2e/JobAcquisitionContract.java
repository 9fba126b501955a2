package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job executor finds due jobs through an index on their due date, not by reading every future
 * timer of every open case (engine.JobAcquisitionIndex, docs/performance.md "Job acquisition"),
 * and, when idle, looks for them every second, so that an escalation fires within about a second
 * of its deadline (application.yml).
 */
abstract class JobAcquisitionContract extends EndToEndTest {

  @Autowired DataSource dataSource;

  @Test
  void theJobTableHasItsDueDateIndex() throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String table = meta.storesLowerCaseIdentifiers() ? "act_ru_job" : "ACT_RU_JOB";
      try (ResultSet r = meta.getIndexInfo(null, null, table, false, false)) {
        while (r.next()) {
          if ("EAR_IDX_JOB_DUEDATE".equalsIgnoreCase(r.getString("INDEX_NAME"))) {
            columns.add(r.getString("COLUMN_NAME").toUpperCase());
          }
        }
      }
    }
    assertThat(columns).containsExactly("DUEDATE_");
  }

  @Autowired CamundaBpmProperties camunda;

  /**
   * What the starter gives the job executor (the tests run without one: they execute jobs
   * themselves). Camunda waits 5 s when it found nothing, and backs off to a minute.
   */
  @Test
  void anIdleJobExecutorLooksForDueTimersEverySecond() {
    assertThat(camunda.getJobExecution().getWaitTimeInMillis()).isEqualTo(1000);
    assertThat(camunda.getJobExecution().getMaxWait()).isEqualTo(1000L);
  }
}
