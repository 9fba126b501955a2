package uk.ear.caseservice.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.ear.caseservice.cases.CaseErasure;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRepository;

/**
 * Erases closed cases' personal data when {@link RetentionPolicy} says so, in one transaction per
 * case: the service's tables ({@link CaseErasure}) and the case's engine history (every finished
 * process instance under its reference) together. A case under legal hold, or with a process
 * still running under its reference, is never touched. Then drops audit rows older than their
 * own period. Nightly at {@code ear.retention.cron}; running it twice, or on two nodes, does no
 * harm.
 */
@Component
public class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  /** What one run did. */
  public record Report(List<String> erased, List<String> keptRunning, int auditRowsDropped) {}

  private final CaseRepository cases;
  private final CaseErasure erasure;
  private final RetentionPolicy policy;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public RetentionJob(
      CaseRepository cases,
      CaseErasure erasure,
      RetentionPolicy policy,
      HistoryService history,
      RuntimeService runtime,
      TransactionTemplate transaction,
      JdbcTemplate jdbc,
      Clock clock) {
    this.cases = cases;
    this.erasure = erasure;
    this.policy = policy;
    this.history = history;
    this.runtime = runtime;
    this.transaction = transaction;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(cron = "${ear.retention.cron:0 30 2 * * *}", zone = "${ear.zone:Europe/London}")
  public void nightly() {
    Report report = run();
    log.info("retention: {} cases erased, {} kept (a process still runs), {} audit rows dropped",
        report.erased().size(), report.keptRunning().size(), report.auditRowsDropped());
  }

  public Report run() {
    Instant now = clock.instant();
    List<String> erased = new ArrayList<>();
    List<String> keptRunning = new ArrayList<>();
    for (String caseRef : cases.refsToReviewForErasure(policy.closedBeforeAnyIsDue(now))) {
      switch (transaction.execute(status -> eraseIfDue(caseRef, now))) {
        case ERASED -> erased.add(caseRef);
        case RUNNING -> keptRunning.add(caseRef);
        case KEPT -> { }
      }
    }
    return new Report(erased, keptRunning, dropOldAudit(now));
  }

  private enum Outcome { ERASED, RUNNING, KEPT }

  /** Checked again inside the case's transaction: held, erased or reopened meanwhile, it stays. */
  private Outcome eraseIfDue(String caseRef, Instant now) {
    if (runningUnder(caseRef)) {
      return Outcome.RUNNING;
    }
    CaseRecord c = cases.findByCaseRef(caseRef).orElse(null);
    if (c == null
        || c.getErasedAt() != null
        || c.isOnLegalHold()
        || policy.erasableFrom(c).filter(from -> !now.isBefore(from)).isEmpty()) {
      return Outcome.KEPT;
    }
    List<String> instances =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef).list().stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    if (!instances.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(instances);
    }
    erasure.erase(c, "retention");
    return Outcome.ERASED;
  }

  private boolean runningUnder(String caseRef) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count() > 0;
  }

  private int dropOldAudit(Instant now) {
    java.sql.Timestamp before = java.sql.Timestamp.from(policy.auditKeptSince(now));
    return jdbc.update("delete from ear_case_audit where at < ?", before)
        + jdbc.update("delete from ear_security_audit where occurred_at < ?", before);
  }
}
