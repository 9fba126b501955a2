package uk.ear.caseservice.activity;

import jakarta.persistence.*;
import java.time.Instant;
import uk.ear.caseservice.cases.CaseRecord;

/** One activity of a case: its kind, state, due date and outcome (e.g. a DASH score). */
@Entity
@Table(name = "ear_case_activity")
public class CaseActivity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private CaseRecord caseRecord;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ActivityKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ActivityStatus status;

  @Column(name = "before_assessment", nullable = false)
  private boolean beforeAssessment;

  @Column(name = "planned_at", nullable = false)
  private Instant plannedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  private String outcome;

  private Integer score;

  @Version private Long version;

  protected CaseActivity() {}

  CaseActivity(CaseRecord caseRecord, ActivityKind kind, boolean beforeAssessment, Instant at) {
    this.caseRecord = caseRecord;
    this.kind = kind;
    this.beforeAssessment = beforeAssessment;
    this.plannedAt = at;
    this.status = ActivityStatus.PLANNED;
  }

  void start(Instant at, Instant dueAt) {
    this.status = ActivityStatus.OPEN;
    this.startedAt = at;
    this.dueAt = dueAt;
  }

  void end(Instant at, boolean cancelled, String outcome) {
    this.status = cancelled ? ActivityStatus.CANCELLED : ActivityStatus.DONE;
    this.endedAt = at;
    if (outcome != null) {
      this.outcome = outcome;
    }
  }

  void score(int score) {
    this.score = score;
  }

  void outcome(String outcome) {
    this.outcome = outcome;
  }

  void moveDue(Instant dueAt) {
    this.dueAt = dueAt;
  }

  public ActivityKind getKind() { return kind; }
  public ActivityStatus getStatus() { return status; }
  public boolean isBeforeAssessment() { return beforeAssessment; }
  public Instant getPlannedAt() { return plannedAt; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getDueAt() { return dueAt; }
  public Instant getEndedAt() { return endedAt; }
  public String getOutcome() { return outcome; }
  public Integer getScore() { return score; }
  public CaseRecord getCaseRecord() { return caseRecord; }
}
