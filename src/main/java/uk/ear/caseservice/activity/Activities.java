package uk.ear.caseservice.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.ear.caseservice.cases.CaseAudit;
import uk.ear.caseservice.cases.CaseAuditRepository;
import uk.ear.caseservice.cases.CaseRecords;

/**
 * The case's activities as the service records them: planned after the visit, opened when their
 * process starts, done or cancelled when it ends. The only writer of {@code ear_case_activity}.
 */
@Service
@Transactional
public class Activities {

  private final CaseActivityRepository activities;
  private final CaseRecords records;
  private final CaseAuditRepository audit;
  private final Clock clock;

  Activities(
      CaseActivityRepository activities,
      CaseRecords records,
      CaseAuditRepository audit,
      Clock clock) {
    this.activities = activities;
    this.records = records;
    this.audit = audit;
    this.clock = clock;
  }

  /** Plans {@code kind} unless the case has it planned, open or done already. */
  public void plan(String caseRef, ActivityKind kind, boolean beforeAssessment) {
    boolean known =
        of(caseRef).stream()
            .anyMatch(a -> a.getKind() == kind && a.getStatus() != ActivityStatus.CANCELLED);
    if (!known) {
      activities.save(new CaseActivity(records.get(caseRef), kind, beforeAssessment, clock.instant()));
      audit.save(new CaseAudit(caseRef, "system", "ACTIVITY_PLANNED_" + kind, clock.instant()));
    }
  }

  /** The process keys of the planned activities that must finish before the assessment ends. */
  @Transactional(readOnly = true)
  public List<String> plannedProcesses(String caseRef, boolean beforeAssessment) {
    return of(caseRef).stream()
        .filter(a -> a.getStatus() == ActivityStatus.PLANNED)
        .filter(a -> a.isBeforeAssessment() == beforeAssessment)
        .map(a -> a.getKind().processKey())
        .toList();
  }

  /** Its process started: the planned activity opens (one not planned, e.g. liaison, is added). */
  public void started(String caseRef, ActivityKind kind, Instant dueAt) {
    CaseActivity activity =
        latest(caseRef, kind, ActivityStatus.PLANNED)
            .orElseGet(
                () -> activities.save(new CaseActivity(records.get(caseRef), kind, false, clock.instant())));
    activity.start(clock.instant(), dueAt);
    audit.save(new CaseAudit(caseRef, "system", "ACTIVITY_STARTED_" + kind, clock.instant()));
  }

  /** Its process ended, done or cancelled (e.g. the case closed early), with its outcome. */
  public void ended(String caseRef, ActivityKind kind, boolean cancelled, String outcome) {
    latest(caseRef, kind, ActivityStatus.OPEN)
        .ifPresent(
            a -> {
              a.end(clock.instant(), cancelled, outcome);
              audit.save(
                  new CaseAudit(
                      caseRef,
                      "system",
                      (cancelled ? "ACTIVITY_CANCELLED_" : "ACTIVITY_DONE_") + kind,
                      clock.instant()));
            });
  }

  /** A score and what it means, e.g. the DASH "yes" count. */
  public void score(String caseRef, ActivityKind kind, int score) {
    latest(caseRef, kind, ActivityStatus.OPEN).ifPresent(a -> a.score(score));
  }

  /** What the open activity has decided so far (e.g. a MARAC referral), before it ends. */
  public void recordOutcome(String caseRef, ActivityKind kind, String outcome) {
    latest(caseRef, kind, ActivityStatus.OPEN).ifPresent(a -> a.outcome(outcome));
  }

  /** The open activity's next due date (e.g. the next joint action of PPU work). */
  public void moveDue(String caseRef, ActivityKind kind, Instant dueAt) {
    latest(caseRef, kind, ActivityStatus.OPEN).ifPresent(a -> a.moveDue(dueAt));
  }

  @Transactional(readOnly = true)
  public List<CaseActivity> of(String caseRef) {
    return activities.findByCaseRecordCaseRefOrderById(caseRef);
  }

  private Optional<CaseActivity> latest(String caseRef, ActivityKind kind, ActivityStatus status) {
    List<CaseActivity> found =
        of(caseRef).stream().filter(a -> a.getKind() == kind && a.getStatus() == status).toList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
  }
}
