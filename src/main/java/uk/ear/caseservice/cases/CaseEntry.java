package uk.ear.caseservice.cases;

import jakarta.persistence.*;
import java.time.Instant;

/** Something a worker or manager recorded on a case through a task form. */
@Entity
@Table(name = "ear_case_entry")
public class CaseEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private CaseRecord caseRecord;

  @Column(nullable = false)
  private String kind;

  @Column(name = "task_id")
  private String taskId;

  private String outcome;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  private String details;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected CaseEntry() {}

  public CaseEntry(
      CaseRecord caseRecord,
      String kind,
      String taskId,
      String outcome,
      Instant occurredAt,
      String details,
      String recordedBy,
      Instant recordedAt) {
    this.caseRecord = caseRecord;
    this.kind = kind;
    this.taskId = taskId;
    this.outcome = outcome;
    this.occurredAt = occurredAt;
    this.details = details;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public String getKind() { return kind; }
  public String getTaskId() { return taskId; }
  public String getOutcome() { return outcome; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getDetails() { return details; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
