package uk.ear.caseservice.cases;

import jakarta.persistence.*;
import java.time.LocalDate;
import java.util.Locale;

/** A person named in a police call. */
@Entity
@Table(name = "ear_subject")
public class Subject {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The police call that named the person, or null for a hospital's patient. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "incident_id")
  private Incident incident;

  /** The hospital admission of the person, or null for a person a police call named. */
  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "admission_id")
  private Admission admission;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private CaseRecord caseRecord;

  @Column(nullable = false)
  private String name;

  @Column(name = "match_name", nullable = false)
  private String matchName;

  @Column(name = "date_of_birth")
  private LocalDate dateOfBirth;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SubjectRole role;

  protected Subject() {}

  Subject(Incident incident, String name, LocalDate dateOfBirth, SubjectRole role) {
    this(name, dateOfBirth, role);
    this.incident = incident;
  }

  Subject(Admission admission, String name, LocalDate dateOfBirth, SubjectRole role) {
    this(name, dateOfBirth, role);
    this.admission = admission;
  }

  private Subject(String name, LocalDate dateOfBirth, SubjectRole role) {
    this.name = name;
    this.matchName = matchName(name);
    this.dateOfBirth = dateOfBirth;
    this.role = role;
  }

  void joinCase(CaseRecord caseRecord) {
    this.caseRecord = caseRecord;
  }

  /** How names are compared for repeat incidents: case, surrounding and repeated spaces ignored. */
  public static String matchName(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Named as a child, or under 18 on {@code day}. */
  public boolean isChildOn(LocalDate day) {
    return role == SubjectRole.CHILD || (dateOfBirth != null && dateOfBirth.plusYears(18).isAfter(day));
  }

  public String getName() { return name; }
  public LocalDate getDateOfBirth() { return dateOfBirth; }
  public SubjectRole getRole() { return role; }
  public CaseRecord getCaseRecord() { return caseRecord; }
}
