package uk.ear.caseservice.location;

import jakarta.persistence.*;
import java.time.Instant;

/** A joint visit made to a vulnerable location. */
@Entity
@Table(name = "ear_location_visit")
public class LocationVisit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "location_id")
  private VulnerableLocation location;

  @Column(name = "visited_at", nullable = false)
  private Instant visitedAt;

  @Column(name = "visited_by", nullable = false)
  private String visitedBy;

  private String attendees;

  @Column(nullable = false)
  private String concerns;

  @Column(nullable = false)
  private String notes;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected LocationVisit() {}

  LocationVisit(
      VulnerableLocation location,
      Instant visitedAt,
      String visitedBy,
      String attendees,
      String concerns,
      String notes,
      Instant recordedAt) {
    this.location = location;
    this.visitedAt = visitedAt;
    this.visitedBy = visitedBy;
    this.attendees = attendees;
    this.concerns = concerns;
    this.notes = notes;
    this.recordedAt = recordedAt;
  }

  public Instant getVisitedAt() { return visitedAt; }
  public String getConcerns() { return concerns; }
}
