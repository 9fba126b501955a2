package uk.ear.caseservice.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.ear.caseservice.cases.AuditLine;
import uk.ear.caseservice.cases.CaseAudit;
import uk.ear.caseservice.cases.CaseAuditRepository;
import uk.ear.caseservice.cases.CaseEntryRepository;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.CaseView;
import uk.ear.caseservice.cases.Subject;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Subject access (UK GDPR Article 15): everything the service holds about a person, found by name
 * and date of birth (every case with a matching subject) or by a case reference: the cases, the
 * police calls, the people recorded with them, what the workers recorded, and who looked at the
 * record and when. Each export is audited on every case it contains. The engine's tables hold
 * nothing more about a person (no free text, only references and decisions).
 */
@Service
public class SubjectAccess {

  /** Who to look for: a name and date of birth, or a case reference. */
  public record Query(String name, LocalDate dateOfBirth, String caseRef) {}

  public record Export(
      OffsetDateTime exportedAt, String exportedBy, Query query, List<CaseHeld> cases) {}

  public record CaseHeld(
      String caseRef,
      String team,
      String stage,
      String category,
      Integer grade,
      String district,
      OffsetDateTime openedAt,
      OffsetDateTime closedAt,
      String closureReason,
      String allocatedWorker,
      Boolean respondedInTime,
      OffsetDateTime erasedAt,
      boolean onLegalHold,
      List<Person> people,
      List<Call> calls,
      List<Entry> entries,
      List<AuditLine> lookedAt) {}

  public record Person(String name, LocalDate dateOfBirth, String role, String incidentRef) {}

  public record Call(
      String incidentRef, OffsetDateTime reportedAt, int grade, String category, String location,
      String summary, String officer) {}

  public record Entry(
      OffsetDateTime recordedAt, String recordedBy, String kind, String outcome, String details) {}

  private final CaseRepository cases;
  private final CaseEntryRepository entries;
  private final CaseAuditRepository audit;
  private final Clock clock;
  private final ZoneId zone;

  public SubjectAccess(
      CaseRepository cases,
      CaseEntryRepository entries,
      CaseAuditRepository audit,
      Clock clock,
      EarProperties properties) {
    this.cases = cases;
    this.entries = entries;
    this.audit = audit;
    this.clock = clock;
    this.zone = properties.zone();
  }

  /** The export, audited on each case as exported by {@code user} in {@code format}. */
  @Transactional
  public Export export(Query query, String user, String format) {
    List<CaseRecord> found =
        query.caseRef() != null
            ? cases.findByCaseRef(query.caseRef().strip().toUpperCase()).stream().toList()
            : cases.findAllWithSubject(Subject.matchName(query.name()), query.dateOfBirth());
    List<CaseHeld> held = found.stream().map(this::held).toList();
    found.forEach(
        c ->
            audit.save(
                new CaseAudit(
                    c.getCaseRef(), user, "SUBJECT_ACCESS_EXPORT", clock.instant(), "API", format,
                    false)));
    return new Export(OffsetDateTime.now(clock.withZone(zone)), user, query, held);
  }

  private CaseHeld held(CaseRecord c) {
    return new CaseHeld(
        c.getCaseRef(),
        c.getTeam(),
        c.getStage().name(),
        c.getCategory().name(),
        c.getGrade(),
        c.getDistrict().name(),
        at(c.getOpenedAt()),
        at(c.getClosedAt()),
        c.getClosureReason(),
        c.getAllocatedWorker(),
        c.getRespondedInTime(),
        at(c.getErasedAt()),
        c.isOnLegalHold(),
        c.getIncidents().stream()
            .flatMap(i -> i.getSubjects().stream()
                .map(s -> new Person(s.getName(), s.getDateOfBirth(), s.getRole().name(), i.getIncidentRef())))
            .toList(),
        c.getIncidents().stream()
            .map(i -> new Call(i.getIncidentRef(), at(i.getReportedAt()), i.getGrade(), i.getCategory().name(),
                i.getLocation(), i.getSummary(), i.getOfficerName()))
            .toList(),
        entries.findByCaseRecordOrderByRecordedAtAscIdAsc(c).stream()
            .map(e -> new Entry(at(e.getRecordedAt()), e.getRecordedBy(), e.getKind(), e.getOutcome(), e.getDetails()))
            .toList(),
        audit.findByCaseRefOrderByIdAsc(c.getCaseRef()).stream()
            .map(a -> AuditLine.of(a, zone))
            .toList());
  }

  private OffsetDateTime at(java.time.Instant instant) {
    return CaseView.at(instant, zone);
  }
}
