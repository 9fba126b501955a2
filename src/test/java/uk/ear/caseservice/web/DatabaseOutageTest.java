package uk.ear.caseservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.Response;
import java.io.EOFException;
import java.lang.reflect.Field;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are "the database cannot be reached" (503) and which are ordinary errors. */
class DatabaseOutageTest {

  /** What the PostgreSQL driver says when nothing listens on the port. */
  static SQLException refused() {
    return new SQLException(
        "Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct and"
            + " that the postmaster is accepting TCP/IP connections.",
        "08001",
        new ConnectException("Connection refused"));
  }

  /** What Hikari says when no connection came within connection-timeout. */
  static SQLTransientConnectionException poolTimeout(SQLException lastFailure) {
    return new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 3000ms.",
        lastFailure == null ? null : lastFailure.getSQLState(),
        lastFailure);
  }

  static SQLException state(String sqlState) {
    return new SQLException("from the server", sqlState);
  }

  // --- outages

  @Test
  void noConnectionFromThePoolBeforeATransactionIsAnOutage() {
    assertThat(DatabaseOutage.isOutage(
        new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
            new RuntimeException("Unable to acquire JDBC Connection", poolTimeout(refused())))))
        .isTrue();
    // an exhausted pool with the database up reads the same, and is answered the same
    assertThat(DatabaseOutage.isOutage(new RuntimeException(poolTimeout(null)))).isTrue();
  }

  @Test
  void aConnectionLostInTheMiddleOfAnEngineCommandIsAnOutage() {
    SQLException ioError =
        new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException());
    ProcessEngineException engine =
        new ProcessEngineException("Process engine persistence exception",
            new PersistenceException("### Error querying database.", ioError));
    assertThat(DatabaseOutage.isOutage(engine)).isTrue();
    // a REST resource wraps it once more, the servlet container once more again
    assertThat(DatabaseOutage.isOutage(new ServletException(
        new RestException(Response.Status.INTERNAL_SERVER_ERROR, engine, "complete failed")))).isTrue();
  }

  @Test
  void theServerShuttingDownOrStartingUpIsAnOutage() {
    for (String state : new String[] {"57P01", "57P02", "57P03", "08003", "08S01"}) {
      assertThat(DatabaseOutage.isOutage(new JpaSystemException(new RuntimeException(state(state)))))
          .as(state).isTrue();
    }
  }

  @Test
  void springsAndJdbcsWordsForAnUnreachableDatabaseAreOutages() {
    assertThat(DatabaseOutage.isOutage(
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", state("28P01")))).isTrue();
    assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("no database"))).isTrue();
    assertThat(DatabaseOutage.isOutage(
        new DataAccessResourceFailureException("closed", new SQLNonTransientConnectionException("closed"))))
        .isTrue();
    assertThat(DatabaseOutage.isOutage(new IllegalStateException(new ConnectException("refused")))).isTrue();
  }

  @Test
  void aCommitWhoseAnswerIsLostIsAnOutage() {
    assertThat(DatabaseOutage.isOutage(
        new TransactionSystemException("Could not commit JPA transaction", state("08006")))).isTrue();
  }

  /**
   * A statement failed on a broken connection, Hikari closed it, the rollback failed on the closed
   * connection and Spring threw that instead: Hikari's own closed connection, as the pool hands it
   * out (if Hikari changes it, this is where we hear of it).
   */
  @Test
  void aRollbackOnAConnectionThePoolClosedIsAnOutage() throws Exception {
    Field closed = Class.forName("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection")
        .getDeclaredField("CLOSED_CONNECTION");
    closed.setAccessible(true);
    SQLException rollback =
        catchThrowableOfType(SQLException.class, ((Connection) closed.get(null))::rollback);
    assertThat(rollback.getMessage()).isEqualTo("Connection is closed");
    assertThat(DatabaseOutage.isOutage(new JpaSystemException(
        new RuntimeException("Unable to rollback against JDBC Connection", rollback)))).isTrue();
    // the same words from anything but the pool are no outage
    assertThat(DatabaseOutage.isOutage(new JpaSystemException(
        new RuntimeException(new SQLException("Connection is closed"))))).isFalse();
  }

  @Test
  void theNextExceptionOfABatchCounts() {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
    batch.setNextException(state("08006"));
    assertThat(DatabaseOutage.isOutage(new ProcessEngineException(batch))).isTrue();
  }

  // --- ordinary errors

  @Test
  void ordinaryErrorsAreNoOutage() {
    assertThat(DatabaseOutage.isOutage(null)).isFalse();
    assertThat(DatabaseOutage.isOutage(new NullPointerException())).isFalse();
    assertThat(DatabaseOutage.isOutage(new ProcessEngineException("Cannot find task with id x"))).isFalse();
    assertThat(DatabaseOutage.isOutage(
        new DataIntegrityViolationException("duplicate key", state("23505")))).isFalse();
    assertThat(DatabaseOutage.isOutage(
        new ProcessEngineException("persistence", new PersistenceException(state("42P01"))))).isFalse();
    // query cancelled (statement timeout): class 57 but not the server going away
    assertThat(DatabaseOutage.isOutage(new JpaSystemException(new RuntimeException(state("57014"))))).isFalse();
  }

  @Test
  void aResourceFailureThatNamesAnotherStateIsNoOutage() {
    // Spring files a statement too complex or cancelled under "resource failure" too
    assertThat(DatabaseOutage.isOutage(
        new DataAccessResourceFailureException("statement too complex", state("54001")))).isFalse();
    assertThat(DatabaseOutage.isOutage(
        new DataAccessResourceFailureException("canceling statement", state("57014")))).isFalse();
  }

  @Test
  void aCauseChainWithACycleEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(DatabaseOutage.isOutage(a)).isFalse();
  }
}
