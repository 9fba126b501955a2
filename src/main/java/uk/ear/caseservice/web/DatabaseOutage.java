package uk.ear.caseservice.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means "the database cannot be reached just now" (answered {@code 503} with
 * {@code Retry-After}, see {@link DatabaseUnavailable}) rather than an ordinary error (a
 * constraint violation, a bug: still a {@code 500} or whatever its handler says).
 *
 * <p>Walks the whole cause chain (and the next exceptions of an {@link SQLException}), since the
 * engine, JPA, Spring and the pool each wrap it: {@code ProcessEngineException} → MyBatis'
 * {@code PersistenceException} → {@code PSQLException}, or {@code CannotCreateTransactionException}
 * → Hikari's {@link SQLTransientConnectionException} → the driver's refused connection. An outage
 * is any of: no connection from the pool in time ({@link SQLTransientConnectionException}), a
 * connection refused or broken ({@link SQLNonTransientConnectionException}, SQLState class {@code
 * 08}, {@link ConnectException}), the server shutting down or starting up ({@code 57P01} admin
 * shutdown, {@code 57P02} crash shutdown, {@code 57P03} cannot connect now), or Spring's words for
 * these ({@link CannotGetJdbcConnectionException}, {@link CannotCreateTransactionException}, {@link
 * DataAccessResourceFailureException}). Spring also files a statement that is too complex (SQLState
 * class {@code 54}) or cancelled ({@code 57014}) under {@link DataAccessResourceFailureException}:
 * when the SQLException underneath names such a state, it is not an outage.
 *
 * <p>One more: Hikari's "Connection is closed" (no SQLState). When a statement fails because the
 * connection broke, Hikari evicts the connection and closes it under the caller; the transaction's
 * rollback then fails with this, and Spring throws the rollback's exception instead of the
 * statement's ("Application exception overridden by rollback exception"), so it is all that is
 * left of the outage. It is recognised by where it comes from (Hikari's closed connection), not by
 * its words. Using a connection after closing it would look the same; nothing of ours does that.
 *
 * <p>A pool that has no free connection for {@code spring.datasource.hikari.connection-timeout}
 * while the database is up (overload) looks the same as one whose database is gone, and is
 * answered the same: a {@code 503} with {@code Retry-After} is right for both.
 */
public final class DatabaseOutage {

  /** Enough for any real chain; a guard against pathological ones. */
  private static final int MAX_LINKS = 64;

  private DatabaseOutage() {}

  public static boolean isOutage(Throwable failure) {
    boolean resourceFailure = false;
    boolean otherState = false;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    if (failure != null) {
      todo.add(failure);
    }
    while (!todo.isEmpty() && seen.size() < MAX_LINKS) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (isOutageState(state) || closedByThePool(sql)) {
          return true;
        }
        if (state != null) {
          otherState = true;
        }
        if (sql.getNextException() != null) {
          todo.add(sql.getNextException());
        }
      }
      if (t instanceof DataAccessResourceFailureException) {
        resourceFailure = true;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return resourceFailure && !otherState;
  }

  /** Thrown by Hikari's stand-in for a connection it closed (broken, evicted). */
  private static boolean closedByThePool(SQLException e) {
    StackTraceElement[] frames = e.getStackTrace();
    return e.getSQLState() == null
        && frames.length > 0
        && frames[0].getClassName().startsWith(HIKARI_CLOSED_CONNECTION);
  }

  private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

  /** Connection exception (class 08), or PostgreSQL shutting down or not yet accepting. */
  static boolean isOutageState(String sqlState) {
    if (sqlState == null) {
      return false;
    }
    return sqlState.startsWith("08")
        || sqlState.equals("57P01")
        || sqlState.equals("57P02")
        || sqlState.equals("57P03");
  }
}
