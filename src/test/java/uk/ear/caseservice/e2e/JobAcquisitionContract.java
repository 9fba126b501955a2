package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job executor finds due jobs through an index on their due date, not by reading every future
 * timer of every open case (engine.JobAcquisitionIndex, docs/performance.md "Job acquisition").
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
}
