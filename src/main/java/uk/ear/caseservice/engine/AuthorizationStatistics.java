package uk.ear.caseservice.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
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
 * Tells PostgreSQL how many authorizations grant a permission, so that Tasklist's query stays fast
 * with many open tasks (docs/performance.md, "Task lists").
 *
 * <p>With authorization on, every task query joins {@code ACT_RU_AUTHORIZATION} on {@code
 * RESOURCE_ID_ IN (task id, process key, '*')} and filters on {@code PERMS_ & 2 = 2} (READ) or
 * {@code PERMS_ & 64 = 64} (READ_TASK). PostgreSQL has no statistics for those bit tests and
 * guesses a few dozen matching rows: it then compares every candidate task with every grant (20,000
 * × 20,000 for a team with 20,000 open tasks, 41 s for the count). Statistics on the two expressions
 * (PostgreSQL 14 and later) give it the real number, and it looks each task's grants up in the
 * resource-id index instead (about 1 s). Created and analyzed once, at the first start on a
 * database, and kept up to date by autovacuum's analyze after that; on other databases (H2) and
 * older PostgreSQL nothing is done.
 */
@Component
@Order(5)
class AuthorizationStatistics implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

  private final DataSource dataSource;

  AuthorizationStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private static boolean exists(Statement s) throws SQLException {
    try (ResultSet r =
        s.executeQuery("SELECT 1 FROM pg_statistic_ext WHERE stxname = 'ear_auth_permission_bits'")) {
      return r.next();
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      if (!"PostgreSQL".equals(meta.getDatabaseProductName()) || meta.getDatabaseMajorVersion() < 14) {
        return;
      }
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        if (exists(s)) {
          // autovacuum's analyze keeps them current: nothing to do at a restart
          return;
        }
        s.execute(
            "CREATE STATISTICS IF NOT EXISTS ear_auth_permission_bits"
                + " ON (perms_ & 2), (perms_ & 64) FROM act_ru_authorization");
        // filled now, not at autovacuum's next visit
        s.execute("ANALYZE act_ru_authorization");
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      // a missing grant or an older server: the queries still work, only slower
      log.warn("could not create the statistics of ACT_RU_AUTHORIZATION: {}", e.getMessage());
    }
  }
}
