package uk.ear.caseservice.web;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health's {@code db} component, part of readiness ({@code application.yml}): can the
 * database be reached, asked on a {@link DatabaseProbe} connection of its own (opened, checked
 * with {@code isValid}, closed), not one borrowed from the pool.
 *
 * <p>Spring Boot's own check borrowed from the pool. On a node so loaded that every connection was
 * lent out, it waited the pool's {@code connection-timeout} (3 s, longer than a load balancer's
 * usual probe timeout) and then said DOWN: readiness took a busy but healthy node out of the load
 * balancer and sent its calls to the others, which were just as busy (docs/performance.md,
 * "Readiness"). Now only a database that cannot be reached makes it DOWN, at once, however busy
 * the pool is; the pool's figures are in the details for whoever may see them.
 *
 * <p>Named {@code dbHealthIndicator}, so Spring Boot's check stands back.
 */
class DatabaseHealth extends AbstractHealthIndicator {

  /** Seconds {@code isValid} may take: a server that accepts but does not answer is not up. */
  private static final int VALID_WITHIN_SECONDS = 2;

  private final DatabaseProbe probe;
  private final HikariDataSource pool;

  DatabaseHealth(DatabaseProbe probe, HikariDataSource pool) {
    super("The database cannot be reached");
    this.probe = probe;
    this.pool = pool;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws SQLException {
    try (Connection connection = probe.connect()) {
      String database = connection.getMetaData().getDatabaseProductName();
      if (connection.isValid(VALID_WITHIN_SECONDS)) {
        health.up();
      } else {
        health.down();
      }
      health.withDetail("database", database).withDetail("validationQuery", "isValid() on a connection of its own");
    }
    poolFigures().ifPresent(figures -> health.withDetail("pool", figures));
  }

  private Optional<Map<String, Object>> poolFigures() {
    HikariPoolMXBean figures = pool.getHikariPoolMXBean();
    if (figures == null) {
      return Optional.empty();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("active", figures.getActiveConnections());
    details.put("idle", figures.getIdleConnections());
    details.put("waiting", figures.getThreadsAwaitingConnection());
    details.put("maximum", pool.getMaximumPoolSize());
    return Optional.of(details);
  }
}
