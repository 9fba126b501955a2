package uk.ear.workers.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each step at most once, as far as a database can make sure of it.
 *
 * <p>Check, send and record run in one transaction: the step's row is inserted first (its primary
 * key is the {@link StepKey}), then the message is sent, then the transaction commits. So the key
 * is <em>recorded</em> (committed) only after a successful send: a failed send rolls the row back
 * and the retry sends again. Two attempts at once (a lock that expired during a slow send, and
 * another worker fetched the task) meet on the unique key: the second insert waits for the first
 * transaction, then finds the row and sends nothing (PostgreSQL), or fails at once and, finding
 * no committed row, leaves the task to its lock (H2).
 *
 * <p>What no database can cover: a crash between the send and the commit. That attempt is
 * retried and sends again, which is why the police POST carries the key as {@code
 * Idempotency-Key} and each mail as {@code X-EAR-Idempotency-Key}.
 */
@Component
public class SentSteps {

  private static final Logger log = LoggerFactory.getLogger(SentSteps.class);

  /** How a {@link #sendOnce} call went. */
  public enum Outcome {
    /** Sent now and recorded. */
    SENT,
    /** Recorded before: nothing sent now. */
    ALREADY_SENT,
    /** Another attempt at the same step is sending right now: nothing sent now. */
    IN_PROGRESS_ELSEWHERE
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public SentSteps(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
  }

  public boolean wasSent(StepKey key) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from sent_step where step_key = ?", Integer.class, key.value());
    return count != null && count > 0;
  }

  /**
   * Runs {@code send} unless the step was sent before. An exception from {@code send} rolls the
   * record back and is rethrown.
   */
  public Outcome sendOnce(
      StepKey key, String topic, String caseRef, String externalTaskId, Runnable send) {
    try {
      return transactions.execute(
          status -> {
            if (wasSent(key)) {
              return Outcome.ALREADY_SENT;
            }
            jdbc.update(
                "insert into sent_step (step_key, topic, case_ref, process_instance_id,"
                    + " external_task_id, sent_at) values (?, ?, ?, ?, ?, ?)",
                key.value(),
                topic,
                caseRef,
                key.processInstanceId(),
                externalTaskId,
                now());
            send.run();
            jdbc.update(
                "update sent_step set sent_at = ? where step_key = ?", now(), key.value());
            return Outcome.SENT;
          });
    } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
      if (wasSent(key)) {
        log.info("step {} ({}, case {}) was sent by a concurrent attempt", key, topic, caseRef);
        return Outcome.ALREADY_SENT;
      }
      log.warn("step {} ({}, case {}) is being sent by a concurrent attempt; leaving it to that",
          key, topic, caseRef);
      return Outcome.IN_PROGRESS_ELSEWHERE;
    }
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
