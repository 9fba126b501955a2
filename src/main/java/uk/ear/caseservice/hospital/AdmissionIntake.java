package uk.ear.caseservice.hospital;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.ear.caseservice.activity.ActivityDeadlines;
import uk.ear.caseservice.cases.Admission;
import uk.ear.caseservice.cases.AdmissionRepository;
import uk.ear.caseservice.cases.CaseAudit;
import uk.ear.caseservice.cases.CaseAuditRepository;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRefs;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.Route;
import uk.ear.caseservice.cases.Subject;
import uk.ear.caseservice.policy.OutOfHours;
import uk.ear.caseservice.policy.ResponsePolicy;
import uk.ear.caseservice.process.CaseProcess;
import uk.ear.caseservice.shared.ContentFingerprint;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.IdempotentIntake;
import uk.ear.caseservice.shared.Teams;

/**
 * Takes a hospital's admission in, with the same rules as a police call: a new case and its
 * process (route HOSPITAL_LIAISON), or the patient's open case joined; both commit with the
 * process or not at all; a retry gets the first answer, a conflicting re-use of the reference 409.
 * The liaison with the hospital is due four hours from the admission; the team does it in office
 * hours, the Emergency Duty Team out of hours.
 */
@Service
public class AdmissionIntake {

  private static final Logger log = LoggerFactory.getLogger(AdmissionIntake.class);
  /** A child's unexplained injury comes first in the team's queue, as a grade 2 call would. */
  static final int CHILD_PRIORITY = 90;
  static final int ADULT_PRIORITY = 80;

  private final AdmissionRepository admissions;
  private final CaseRepository cases;
  private final CaseAuditRepository audit;
  private final CaseRefs caseRefs;
  private final ResponsePolicy policy;
  private final OutOfHours outOfHours;
  private final CaseProcess process;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ZoneId zone;

  AdmissionIntake(
      AdmissionRepository admissions,
      CaseRepository cases,
      CaseAuditRepository audit,
      CaseRefs caseRefs,
      ResponsePolicy policy,
      OutOfHours outOfHours,
      CaseProcess process,
      TransactionTemplate tx,
      Clock clock,
      EarProperties properties) {
    this.admissions = admissions;
    this.cases = cases;
    this.audit = audit;
    this.caseRefs = caseRefs;
    this.policy = policy;
    this.outOfHours = outOfHours;
    this.process = process;
    this.tx = tx;
    this.clock = clock;
    this.zone = properties.zone();
  }

  public IdempotentIntake.Received<AdmissionReceipt> receive(AdmissionRequest request, String receivedBy) {
    String fingerprint = fingerprint(request);
    return IdempotentIntake.receive(
        tx,
        "admission",
        () ->
            admissions
                .findByAdmissionRef(request.admissionRef())
                .map(
                    a -> {
                      if (!a.getFingerprint().equals(fingerprint)) {
                        throw new AdmissionConflictException(request.admissionRef());
                      }
                      return receipt(a);
                    }),
        () -> createOrLink(request, fingerprint, receivedBy));
  }

  private AdmissionReceipt createOrLink(AdmissionRequest request, String fingerprint, String receivedBy) {
    Instant now = clock.instant();
    Admission admission =
        new Admission(
            request.admissionRef(),
            fingerprint,
            request.hospital().strip(),
            request.admittedAt().toInstant(),
            request.reason(),
            request.district(),
            request.summary().strip(),
            request.contact() == null ? null : request.contact().name(),
            request.contact() == null ? null : request.contact().phone(),
            now,
            receivedBy);
    admission.setPatient(request.patient().name().strip(), request.patient().dateOfBirth(), zone);
    int priority = admission.involvesChild() ? CHILD_PRIORITY : ADULT_PRIORITY;
    Instant liaisonDue = admission.getAdmittedAt().plus(ActivityDeadlines.LIAISON_WITHIN);

    Optional<CaseRecord> open = openCaseOf(request.patient());
    if (open.isPresent()) {
      CaseRecord c = open.get();
      String group = liaisonGroup(c.getTeam(), now);
      admission.joinCase(c, Route.LINKED_TO_OPEN_CASE, liaisonDue, group);
      admissions.saveAndFlush(admission);
      process.reportAdmission(c, admission);
      audit.save(new CaseAudit(c.getCaseRef(), receivedBy, "HOSPITAL_ADMISSION", now));
      log.info("admission {} joined open case {}", admission.getAdmissionRef(), c.getCaseRef());
      return receipt(admission);
    }

    String team = policy.teamFor(request.district());
    Route route = team == null ? Route.REFERRED_OUT : Route.HOSPITAL_LIAISON;
    long id = caseRefs.nextId();
    CaseRecord c = new CaseRecord(id, caseRefs.format(now.atZone(zone).getYear(), id), now);
    Instant due = team == null ? null : liaisonDue;
    c.openForAdmission(admission, team, route, priority, due);
    cases.save(c);
    admission.joinCase(c, route, due, team == null ? null : liaisonGroup(team, now));
    admissions.saveAndFlush(admission);
    c.attachProcess(process.startForAdmission(c, admission));
    audit.save(new CaseAudit(c.getCaseRef(), receivedBy, "CREATED", now));
    log.info("case {} opened for admission {}: route {}, team {}", c.getCaseRef(), admission.getAdmissionRef(), route, team);
    return receipt(admission);
  }

  /** The team in office hours; the Emergency Duty Team out of hours. */
  private String liaisonGroup(String team, Instant now) {
    return outOfHours.isOutOfHours(now) ? Teams.EDT_GROUP : Teams.groupOf(team);
  }

  private Optional<CaseRecord> openCaseOf(AdmissionRequest.Patient patient) {
    if (patient.dateOfBirth() == null) {
      return Optional.empty();
    }
    return cases.findOpenCasesWithSubject(Subject.matchName(patient.name()), patient.dateOfBirth()).stream()
        .filter(c -> c.getTeam() != null)
        .findFirst();
  }

  private AdmissionReceipt receipt(Admission a) {
    return new AdmissionReceipt(
        a.getCaseRecord().getCaseRef(),
        a.getAdmissionRef(),
        a.getRoute(),
        a.getLiaisonDueAt() == null ? null : a.getLiaisonDueAt().atZone(zone).toOffsetDateTime());
  }

  static String fingerprint(AdmissionRequest r) {
    return ContentFingerprint.of(
        new AdmissionRequest(
            r.admissionRef(),
            r.hospital(),
            r.admittedAt().withOffsetSameInstant(java.time.ZoneOffset.UTC),
            r.reason(),
            r.district(),
            r.patient(),
            r.summary(),
            r.contact()));
  }
}
