package uk.ear.caseservice.cases;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An EAR case: one person or family, joined by every police call about them while it is open.
 * Longer than most files on purpose: a JPA entity with the state changes of the whole lifecycle
 * (visit, missed window, support, handover, closure), each guarded here.
 */
@Entity
@Table(name = "ear_case")
public class CaseRecord {

  @Id private Long id;

  @Column(name = "case_ref", nullable = false, updatable = false)
  private String caseRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Stage stage;

  private String team;

  /** The police grade of the first call; null for a case a hospital opened. */
  private Integer grade;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private District district;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Route route;

  @Column(nullable = false)
  private int priority;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  @Column(name = "response_due_at")
  private Instant responseDueAt;

  @Column(name = "second_escalation_at")
  private Instant secondEscalationAt;

  @Column(name = "response_missed_at")
  private Instant responseMissedAt;

  @Column(name = "visited_at")
  private Instant visitedAt;

  @Column(name = "responded_in_time")
  private Boolean respondedInTime;

  @Column(name = "allocated_worker")
  private String allocatedWorker;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closure_reason")
  private String closureReason;

  @Column(name = "support_started_at")
  private Instant supportStartedAt;

  @Column(name = "support_ends_at")
  private Instant supportEndsAt;

  @Column(name = "support_extended", nullable = false)
  private boolean supportExtended;

  private Instant erasedAt;

  private boolean legalHold;

  private String legalHoldReason;

  /** A missing person's return, as recorded at the joint visit. */
  @Column(name = "returned_at")
  private Instant returnedAt;

  @Column(name = "abuse_disclosed", nullable = false)
  private boolean abuseDisclosed;

  @Column(name = "ppu_involved", nullable = false)
  private boolean ppuInvolved;

  /** Consent to share the handover pack: GIVEN, REFUSED or NOT_SOUGHT. */
  @Column(name = "sharing_consent")
  private String sharingConsent;

  /** The lawful basis the pack is shared on (CONSENT, or the one a manager approved). */
  @Column(name = "sharing_basis")
  private String sharingBasis;

  @Column(name = "sharing_approved_by")
  private String sharingApprovedBy;

  @Column(name = "sharing_recorded_at")
  private Instant sharingRecordedAt;

  /** Null until first saved: tells Spring Data the case (with an assigned id) is new. */
  @Version private Long version;

  @OneToMany(mappedBy = "caseRecord")
  @OrderBy("receivedAt, id")
  private List<Incident> incidents = new ArrayList<>();

  protected CaseRecord() {}

  public CaseRecord(long id, String caseRef, Instant openedAt) {
    this.id = id;
    this.caseRef = caseRef;
    this.openedAt = openedAt;
  }

  /** Takes the first call's facts and the response the policy decided for it. */
  public void openFor(
      Incident firstCall,
      String team,
      Route route,
      int priority,
      Instant responseDueAt,
      Instant secondEscalationAt) {
    this.grade = firstCall.getGrade();
    this.category = firstCall.getCategory();
    this.district = firstCall.getDistrict();
    this.reportedAt = firstCall.getReportedAt();
    this.team = team;
    this.route = route;
    this.priority = priority;
    this.responseDueAt = responseDueAt;
    this.secondEscalationAt = secondEscalationAt;
    this.stage =
        switch (route) {
          case REFERRED_OUT -> Stage.REFERRED_OUT;
          case DESK_SCREENING -> Stage.ASSESSMENT;
          default -> Stage.AWAITING_VISIT;
        };
    if (route == Route.REFERRED_OUT) {
      this.closedAt = openedAt;
      this.closureReason = "REFERRED_TO_DISTRICT_SERVICES";
    }
  }

  /**
   * Opened by a hospital's admission: the liaison with the hospital is due at {@code liaisonDueAt},
   * which is the case's response deadline.
   */
  public void openForAdmission(
      Admission admission, String team, Route route, int priority, Instant liaisonDueAt) {
    this.category = admission.getReason().category();
    this.district = admission.getDistrict();
    this.reportedAt = admission.getAdmittedAt();
    this.team = team;
    this.route = route;
    this.priority = priority;
    this.responseDueAt = liaisonDueAt;
    if (route == Route.REFERRED_OUT) {
      this.stage = Stage.REFERRED_OUT;
      this.closedAt = openedAt;
      this.closureReason = "REFERRED_TO_DISTRICT_SERVICES";
    } else {
      this.stage = Stage.ASSESSMENT;
    }
  }

  /** The joint visit happened: the window was met or not; {@code worker} (if any) keeps the case. */
  public void recordVisit(Instant visitedAt, String worker) {
    this.visitedAt = visitedAt;
    this.respondedInTime = responseDueAt == null || !visitedAt.isAfter(responseDueAt);
    if (allocatedWorker == null && worker != null) {
      this.allocatedWorker = worker;
    }
    this.stage = Stage.ASSESSMENT;
  }

  /** What the visit found that decides the case's activities. */
  public void recordVisitFindings(Instant returnedAt, boolean abuseDisclosed, boolean ppuInvolved) {
    this.returnedAt = returnedAt;
    this.abuseDisclosed = abuseDisclosed;
    this.ppuInvolved = ppuInvolved;
  }

  /** Consent to share recorded; with consent the basis is consent itself, otherwise none yet. */
  public void recordConsentToShare(String consent, Instant at) {
    this.sharingConsent = consent;
    this.sharingBasis = "GIVEN".equals(consent) ? "CONSENT" : null;
    this.sharingApprovedBy = null;
    this.sharingRecordedAt = at;
  }

  /** A manager approved sharing without consent on {@code basis}. */
  public void approveSharing(String basis, String manager, Instant at) {
    this.sharingBasis = basis;
    this.sharingApprovedBy = manager;
    this.sharingRecordedAt = at;
  }

  /** The response window passed with no visit recorded. */
  public void recordMissedResponse(Instant at) {
    this.responseMissedAt = at;
    if (visitedAt == null) {
      this.respondedInTime = false;
    }
  }

  /** Kept whatever the retention periods say, until released (e.g. proceedings, a complaint). */
  public void placeOnLegalHold(String reason) {
    this.legalHold = true;
    this.legalHoldReason = reason;
  }

  public void releaseLegalHold() {
    this.legalHold = false;
    this.legalHoldReason = null;
  }

  /** Its personal data was erased under the retention rules; the figures stay. */
  public void markErased(Instant at) {
    this.erasedAt = at;
  }

  public void allocate(String worker) {
    this.allocatedWorker = worker;
  }

  public void moveTo(Stage stage) {
    this.stage = stage;
  }

  /** Intensive support starts now and runs until {@code endsAt}. */
  public void startSupport(Instant now, Instant endsAt) {
    this.stage = Stage.INTENSIVE_SUPPORT;
    this.supportStartedAt = now;
    this.supportEndsAt = endsAt;
  }

  /** The one extension a manager may approve. */
  public void extendSupport(Instant newEnd) {
    if (supportExtended) {
      throw new IllegalStateException("intensive support of " + caseRef + " was extended already");
    }
    this.supportExtended = true;
    this.supportEndsAt = newEnd;
  }

  public void close(Instant at, String reason) {
    this.stage = Stage.CLOSED;
    this.closedAt = at;
    this.closureReason = reason;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() { return id; }
  public String getCaseRef() { return caseRef; }
  public Stage getStage() { return stage; }
  public String getTeam() { return team; }
  public Integer getGrade() { return grade; }
  public Category getCategory() { return category; }
  public District getDistrict() { return district; }
  public Route getRoute() { return route; }
  public int getPriority() { return priority; }
  public Instant getReportedAt() { return reportedAt; }
  public Instant getResponseDueAt() { return responseDueAt; }
  public Instant getSecondEscalationAt() { return secondEscalationAt; }
  public Instant getResponseMissedAt() { return responseMissedAt; }
  public Instant getVisitedAt() { return visitedAt; }
  public Boolean getRespondedInTime() { return respondedInTime; }
  public String getAllocatedWorker() { return allocatedWorker; }
  public Instant getErasedAt() { return erasedAt; }
  public boolean isOnLegalHold() { return legalHold; }
  public String getLegalHoldReason() { return legalHoldReason; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getOpenedAt() { return openedAt; }
  public Instant getClosedAt() { return closedAt; }
  public String getClosureReason() { return closureReason; }
  public List<Incident> getIncidents() { return incidents; }
  public Instant getSupportStartedAt() { return supportStartedAt; }
  public Instant getSupportEndsAt() { return supportEndsAt; }
  public boolean isSupportExtended() { return supportExtended; }

  public Instant getReturnedAt() { return returnedAt; }
  public boolean isAbuseDisclosed() { return abuseDisclosed; }
  public boolean isPpuInvolved() { return ppuInvolved; }
  public String getSharingConsent() { return sharingConsent; }
  public String getSharingBasis() { return sharingBasis; }
  public String getSharingApprovedBy() { return sharingApprovedBy; }
  public Instant getSharingRecordedAt() { return sharingRecordedAt; }
}
