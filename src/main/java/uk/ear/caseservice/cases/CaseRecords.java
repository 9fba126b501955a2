package uk.ear.caseservice.cases;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes to the case record on behalf of the process (delegates and task listeners). */
@Service
@Transactional
public class CaseRecords {

  private final CaseRepository cases;
  private final CaseEntryRepository entries;
  private final CaseAuditRepository audit;
  private final Clock clock;

  public CaseRecords(
      CaseRepository cases, CaseEntryRepository entries, CaseAuditRepository audit, Clock clock) {
    this.cases = cases;
    this.entries = entries;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CaseRecord get(String caseRef) {
    return cases
        .findByCaseRef(caseRef)
        .orElseThrow(() -> new IllegalStateException("no case " + caseRef));
  }

  /** The joint visit; {@code allocate}: the visiting worker keeps the case (not so for EDT). */
  public void recordVisit(
      String caseRef,
      Instant visitedAt,
      String worker,
      boolean allocate,
      String taskId,
      String risk,
      String notes) {
    CaseRecord c = get(caseRef);
    c.recordVisit(visitedAt, allocate ? worker : null);
    add(c, "JOINT_VISIT", taskId, risk, visitedAt, notes, worker);
  }

  /** What the visit found that decides the case's activities (see ActivitiesForCase.dmn). */
  public void recordVisitFindings(
      String caseRef, Instant returnedAt, boolean abuseDisclosed, boolean ppuInvolved) {
    get(caseRef).recordVisitFindings(returnedAt, abuseDisclosed, ppuInvolved);
  }

  /** Consent to share the handover pack, with what the person said (a case entry). */
  public void recordConsentToShare(String caseRef, String consent, String notes, String taskId, String by) {
    CaseRecord c = get(caseRef);
    c.recordConsentToShare(consent, clock.instant());
    add(c, "CONSENT_TO_SHARE", taskId, consent, null, notes, by);
  }

  /** A manager's decision on sharing without consent: the basis when approved. */
  public void decideSharing(
      String caseRef, boolean approved, String basis, String reason, String taskId, String manager) {
    CaseRecord c = get(caseRef);
    if (approved) {
      c.approveSharing(basis, manager, clock.instant());
    }
    add(c, "SHARING_DECISION", taskId, approved ? "SHARE_ON_" + basis : "DO_NOT_SHARE", null, reason, manager);
  }

  public void recordMissedResponse(String caseRef) {
    CaseRecord c = get(caseRef);
    c.recordMissedResponse(clock.instant());
    audit.save(new CaseAudit(caseRef, "system", "RESPONSE_WINDOW_MISSED", clock.instant()));
  }

  public void addEntry(
      String caseRef,
      String kind,
      String taskId,
      String outcome,
      Instant occurredAt,
      String details,
      String by) {
    add(get(caseRef), kind, taskId, outcome, occurredAt, details, by);
  }

  /** The worker who takes the case on (e.g. the morning team after an EDT visit). */
  public void allocate(String caseRef, String worker) {
    get(caseRef).allocate(worker);
  }

  public void moveTo(String caseRef, Stage stage) {
    get(caseRef).moveTo(stage);
  }

  /**
   * Starts intensive support now for {@code period} of calendar days in the clock's zone (the same
   * time of day six weeks on, whatever the clocks did in between); returns when it ends.
   */
  public Instant startSupport(String caseRef, java.time.Period period) {
    Instant now = clock.instant();
    Instant ends = now.atZone(clock.getZone()).plus(period).toInstant();
    get(caseRef).startSupport(now, ends);
    audit.save(new CaseAudit(caseRef, "system", "SUPPORT_STARTED", now));
    return ends;
  }

  /** Extends intensive support by {@code weeks}; returns the new end. */
  public Instant extendSupport(String caseRef, int weeks) {
    CaseRecord c = get(caseRef);
    Instant ends = c.getSupportEndsAt().atZone(clock.getZone()).plusWeeks(weeks).toInstant();
    c.extendSupport(ends);
    audit.save(new CaseAudit(caseRef, "system", "SUPPORT_EXTENDED", clock.instant()));
    return ends;
  }

  public void close(String caseRef, String reason) {
    CaseRecord c = get(caseRef);
    if (c.getStage() != Stage.CLOSED) {
      c.close(clock.instant(), reason);
      audit.save(new CaseAudit(caseRef, "system", "CLOSED", clock.instant()));
    }
  }

  /** Places the case on legal hold (or releases it): false when there is no such case. */
  public boolean legalHold(String caseRef, String reason, String by) {
    return cases
        .findByCaseRef(caseRef)
        .map(
            c -> {
              if (reason == null) {
                c.releaseLegalHold();
              } else {
                c.placeOnLegalHold(reason);
              }
              audit.save(
                  new CaseAudit(
                      caseRef, by, reason == null ? "LEGAL_HOLD_RELEASED" : "LEGAL_HOLD", clock.instant(),
                      "API", reason, false));
              return true;
            })
        .orElse(false);
  }

  private void add(
      CaseRecord c,
      String kind,
      String taskId,
      String outcome,
      Instant occurredAt,
      String details,
      String by) {
    Instant now = clock.instant();
    entries.save(new CaseEntry(c, kind, taskId, outcome, occurredAt, details, by, now));
    audit.save(new CaseAudit(c.getCaseRef(), by, "RECORDED_" + kind, now));
  }
}
