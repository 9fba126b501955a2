package uk.ear.caseservice.cases;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A vulnerable admission a hospital told the service of, identified by the hospital's reference. */
@Entity
@Table(name = "ear_admission")
public class Admission {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "admission_ref", nullable = false, updatable = false)
  private String admissionRef;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private CaseRecord caseRecord;

  @Column(nullable = false)
  private String fingerprint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Route route;

  @Column(nullable = false)
  private String hospital;

  @Column(name = "admitted_at", nullable = false)
  private Instant admittedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private HospitalReason reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private District district;

  @Column(nullable = false)
  private String summary;

  @Column(name = "contact_name")
  private String contactName;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "liaison_due_at")
  private Instant liaisonDueAt;

  @Column(name = "liaison_group")
  private String liaisonGroup;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "received_by", nullable = false)
  private String receivedBy;

  @OneToOne(mappedBy = "admission", cascade = CascadeType.PERSIST)
  private Subject patient;

  protected Admission() {}

  public Admission(
      String admissionRef,
      String fingerprint,
      String hospital,
      Instant admittedAt,
      HospitalReason reason,
      District district,
      String summary,
      String contactName,
      String contactPhone,
      Instant receivedAt,
      String receivedBy) {
    this.admissionRef = admissionRef;
    this.fingerprint = fingerprint;
    this.hospital = hospital;
    this.admittedAt = admittedAt;
    this.reason = reason;
    this.district = district;
    this.summary = summary;
    this.contactName = contactName;
    this.contactPhone = contactPhone;
    this.receivedAt = receivedAt;
    this.receivedBy = receivedBy;
  }

  /** The patient: a child if under 18 on the London date of admission (or, with no date of birth, if the reason is a child's). */
  public void setPatient(String name, LocalDate dateOfBirth, ZoneId zone) {
    LocalDate admitted = admittedAt.atZone(zone).toLocalDate();
    boolean child =
        dateOfBirth == null
            ? reason == HospitalReason.CHILD_UNEXPLAINED_INJURY
            : dateOfBirth.plusYears(18).isAfter(admitted);
    this.patient = new Subject(this, name, dateOfBirth, child ? SubjectRole.CHILD : SubjectRole.ADULT);
  }

  /** Joins the admission to a case, with the route and the liaison decided for it. */
  public void joinCase(CaseRecord caseRecord, Route route, Instant liaisonDueAt, String liaisonGroup) {
    this.caseRecord = caseRecord;
    this.route = route;
    this.liaisonDueAt = liaisonDueAt;
    this.liaisonGroup = liaisonGroup;
    patient.joinCase(caseRecord);
  }

  public boolean involvesChild() {
    return patient.getRole() == SubjectRole.CHILD;
  }

  public Long getId() { return id; }
  public String getAdmissionRef() { return admissionRef; }
  public CaseRecord getCaseRecord() { return caseRecord; }
  public String getFingerprint() { return fingerprint; }
  public Route getRoute() { return route; }
  public String getHospital() { return hospital; }
  public Instant getAdmittedAt() { return admittedAt; }
  public HospitalReason getReason() { return reason; }
  public District getDistrict() { return district; }
  public String getSummary() { return summary; }
  public String getContactName() { return contactName; }
  public String getContactPhone() { return contactPhone; }
  public Instant getLiaisonDueAt() { return liaisonDueAt; }
  public String getLiaisonGroup() { return liaisonGroup; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getReceivedBy() { return receivedBy; }
  public Subject getPatient() { return patient; }
}
