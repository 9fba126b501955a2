package uk.ear.caseservice.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database for this JVM's tests, created on the server of {@code
 * EAR_TEST_PG_URL} (default: the local {@code test} database's server, trust auth) and dropped when
 * the JVM ends, so every run starts clean and leaves nothing behind.
 */
public final class PostgresDatabase {

  static final String ADMIN_URL =
      System.getenv().getOrDefault("EAR_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = System.getenv().getOrDefault("EAR_TEST_PG_USER", "postgres");
  public static final String PASSWORD = System.getenv().getOrDefault("EAR_TEST_PG_PASSWORD", "");

  private static String url;

  private PostgresDatabase() {}

  public static synchronized String url() {
    if (url == null) {
      String name = "ear_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
      execute("create database " + name);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> execute("drop database if exists " + name + " with (force)")));
      url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }
    return url;
  }

  private static void execute(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "' on " + ADMIN_URL, e);
    }
  }

  private static Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    props.setProperty("password", PASSWORD);
    props.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(ADMIN_URL, props);
  }

  /** Enables the class where PostgreSQL answers; in CI a missing database fails the run. */
  public static class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      try (Connection ignored = connect()) {
        return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + ADMIN_URL);
      } catch (SQLException e) {
        String why = "PostgreSQL not reachable at " + ADMIN_URL + ": " + e.getMessage();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          throw new IllegalStateException(why + " (CI=true: database tests must run)", e);
        }
        return ConditionEvaluationResult.disabled(why);
      }
    }
  }
}
