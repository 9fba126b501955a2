package uk.ear.caseservice.location;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import uk.ear.caseservice.cases.District;

/** A registered vulnerable location and when its next joint visit is due. */
@Entity
@Table(name = "ear_location")
public class VulnerableLocation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LocationKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private District district;

  @Column(nullable = false)
  private String address;

  /** An ISO-8601 period, e.g. P28D. */
  @Column(name = "visit_every", nullable = false)
  private String visitEvery;

  @Column(name = "next_visit_due", nullable = false)
  private LocalDate nextVisitDue;

  /** A "Visit vulnerable location" task is open: the morning run does not add another. */
  @Column(name = "visit_open", nullable = false)
  private boolean visitOpen;

  /** The morning run (its process instance) that opened the visit task. */
  @Column(name = "planned_by")
  private String plannedBy;

  @Column(name = "last_visited_at")
  private Instant lastVisitedAt;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "registered_by", nullable = false)
  private String registeredBy;

  @Version private Long version;

  protected VulnerableLocation() {}

  VulnerableLocation(
      String name,
      LocationKind kind,
      District district,
      String address,
      Period visitEvery,
      LocalDate firstVisitDue,
      Instant registeredAt,
      String registeredBy) {
    this.name = name;
    this.kind = kind;
    this.district = district;
    this.address = address;
    this.visitEvery = visitEvery.toString();
    this.nextVisitDue = firstVisitDue;
    this.registeredAt = registeredAt;
    this.registeredBy = registeredBy;
  }

  void visitPlanned(String byRun) {
    this.visitOpen = true;
    this.plannedBy = byRun;
  }

  /** Visited on {@code day}: the next visit is due {@code visitEvery} later. */
  void visited(Instant at, LocalDate day) {
    this.visitOpen = false;
    this.lastVisitedAt = at;
    this.nextVisitDue = day.plus(Period.parse(visitEvery));
  }

  public Long getId() { return id; }
  public String getName() { return name; }
  public LocationKind getKind() { return kind; }
  public District getDistrict() { return district; }
  public String getAddress() { return address; }
  public String getVisitEvery() { return visitEvery; }
  public LocalDate getNextVisitDue() { return nextVisitDue; }
  public boolean isVisitOpen() { return visitOpen; }
  public String getPlannedBy() { return plannedBy; }
  public Instant getRegisteredAt() { return registeredAt; }
  public String getRegisteredBy() { return registeredBy; }
  public Instant getLastVisitedAt() { return lastVisitedAt; }
}
