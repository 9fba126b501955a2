package uk.ear.caseservice.cases;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One police call, identified by the force's own incident reference. */
@Entity
@Table(name = "ear_incident")
public class Incident {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "incident_ref", nullable = false, updatable = false)
  private String incidentRef;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private CaseRecord caseRecord;

  /** Hash of the call's content: a re-post with the same content is a retry, not a conflict. */
  @Column(nullable = false)
  private String fingerprint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Route route;

  @Column(nullable = false)
  private int grade;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private District district;

  @Column(nullable = false)
  private String location;

  @Column(nullable = false)
  private String summary;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  @Column(name = "response_due_at")
  private Instant responseDueAt;

  @Column(name = "officer_collar")
  private String officerCollar;

  @Column(name = "officer_name")
  private String officerName;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "received_by", nullable = false)
  private String receivedBy;

  @OneToMany(mappedBy = "incident", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<Subject> subjects = new ArrayList<>();

  protected Incident() {}

  public Incident(
      String incidentRef,
      String fingerprint,
      int grade,
      Category category,
      District district,
      String location,
      String summary,
      Instant reportedAt,
      String officerCollar,
      String officerName,
      Instant receivedAt,
      String receivedBy) {
    this.incidentRef = incidentRef;
    this.fingerprint = fingerprint;
    this.grade = grade;
    this.category = category;
    this.district = district;
    this.location = location;
    this.summary = summary;
    this.reportedAt = reportedAt;
    this.officerCollar = officerCollar;
    this.officerName = officerName;
    this.receivedAt = receivedAt;
    this.receivedBy = receivedBy;
  }

  public void addSubject(String name, java.time.LocalDate dateOfBirth, SubjectRole role) {
    subjects.add(new Subject(this, name, dateOfBirth, role));
  }

  /** Joins this call to a case, with the route and response deadline decided for it. */
  public void joinCase(CaseRecord caseRecord, Route route, Instant responseDueAt) {
    this.caseRecord = caseRecord;
    this.route = route;
    this.responseDueAt = responseDueAt;
    caseRecord.getIncidents().add(this);
    subjects.forEach(s -> s.joinCase(caseRecord));
  }

  /**
   * Whether the call is about a child: a subject named as a child or under 18 when the police
   * logged it, or a category that is about children.
   */
  public boolean involvesChild(java.time.ZoneId zone) {
    if (category == Category.VULNERABLE_CHILD || category == Category.CHILD_SEXUAL_EXPLOITATION) {
      return true;
    }
    java.time.LocalDate reported = reportedAt.atZone(zone).toLocalDate();
    return subjects.stream().anyMatch(s -> s.isChildOn(reported));
  }

  public Long getId() { return id; }
  public String getIncidentRef() { return incidentRef; }
  public CaseRecord getCaseRecord() { return caseRecord; }
  public String getFingerprint() { return fingerprint; }
  public Route getRoute() { return route; }
  public int getGrade() { return grade; }
  public Category getCategory() { return category; }
  public District getDistrict() { return district; }
  public String getLocation() { return location; }
  public String getSummary() { return summary; }
  public Instant getReportedAt() { return reportedAt; }
  public Instant getResponseDueAt() { return responseDueAt; }
  public String getOfficerCollar() { return officerCollar; }
  public String getOfficerName() { return officerName; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getReceivedBy() { return receivedBy; }
  public List<Subject> getSubjects() { return subjects; }
}
