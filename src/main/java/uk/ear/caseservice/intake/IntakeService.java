package uk.ear.caseservice.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.ear.caseservice.cases.CaseAudit;
import uk.ear.caseservice.cases.CaseAuditRepository;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRefs;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.Incident;
import uk.ear.caseservice.cases.IncidentRepository;
import uk.ear.caseservice.cases.Route;
import uk.ear.caseservice.cases.Subject;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.IdempotentIntake;
import uk.ear.caseservice.policy.ResponseDecision;
import uk.ear.caseservice.policy.ResponsePolicy;
import uk.ear.caseservice.metrics.ServiceMetrics;
import uk.ear.caseservice.process.CaseProcess;

/**
 * Takes a police call in: a new case and its process, or a repeat incident joined to an open
 * case. The case rows and the process start commit together or not at all; a retried call gets
 * the first answer again, a conflicting re-use of an incident reference is refused.
 */
@Service
public class IntakeService {

  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

  private final CaseRepository cases;
  private final IncidentRepository incidents;
  private final CaseAuditRepository audit;
  private final CaseRefs caseRefs;
  private final ResponsePolicy policy;
  private final CaseProcess process;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ZoneId zone;
  private final ServiceMetrics metrics;

  public IntakeService(
      CaseRepository cases,
      IncidentRepository incidents,
      CaseAuditRepository audit,
      CaseRefs caseRefs,
      ResponsePolicy policy,
      CaseProcess process,
      TransactionTemplate tx,
      Clock clock,
      EarProperties properties,
      ServiceMetrics metrics) {
    this.metrics = metrics;
    this.cases = cases;
    this.incidents = incidents;
    this.audit = audit;
    this.caseRefs = caseRefs;
    this.policy = policy;
    this.process = process;
    this.tx = tx;
    this.clock = clock;
    this.zone = properties.zone();
  }

  public IdempotentIntake.Received<CallReceipt> receive(CallRequest call, String receivedBy) {
    String fingerprint = CallFingerprint.of(call);
    IdempotentIntake.Received<CallReceipt> received =
        IdempotentIntake.receive(
            tx,
            "incident",
            () -> replay(call.incidentRef(), fingerprint),
            () -> createOrLink(call, fingerprint, receivedBy));
    if (received.created()) {
      // counted once committed, so a rolled-back attempt is not a call
      metrics.callReceived(call.grade(), call.district().name(), received.receipt().route().name());
    }
    return received;
  }

  private Optional<CallReceipt> replay(String incidentRef, String fingerprint) {
    return incidents
        .findByIncidentRef(incidentRef)
        .map(
            known -> {
              if (!known.getFingerprint().equals(fingerprint)) {
                throw new IncidentConflictException(incidentRef);
              }
              return receipt(known.getCaseRecord(), known);
            });
  }

  private CallReceipt createOrLink(CallRequest call, String fingerprint, String receivedBy) {
    Instant now = clock.instant();
    Incident incident =
        new Incident(
            call.incidentRef(),
            fingerprint,
            call.grade(),
            call.category(),
            call.district(),
            call.location().strip(),
            call.summary().strip(),
            call.reportedAt().toInstant(),
            call.officer() == null ? null : call.officer().collarNumber(),
            call.officer() == null ? null : call.officer().name(),
            now,
            receivedBy);
    call.subjects().forEach(p -> incident.addSubject(p.name().strip(), p.dateOfBirth(), p.role()));

    Optional<CaseRecord> open = findOpenCaseFor(call);
    if (open.isPresent()) {
      return link(open.get(), incident, receivedBy);
    }

    long id = caseRefs.nextId();
    CaseRecord c = new CaseRecord(id, caseRefs.format(now.atZone(zone).getYear(), id), now);
    ResponseDecision decision =
        policy.decide(call.grade(), call.category(), call.district(), incident.getReportedAt());
    c.openFor(
        incident,
        decision.team(),
        decision.route(),
        decision.priority(),
        decision.responseDueAt(),
        decision.secondEscalationAt());
    cases.save(c);
    incident.joinCase(c, decision.route(), decision.responseDueAt());
    // fails fast on a duplicate incident reference, before the engine does any work
    incidents.saveAndFlush(incident);
    c.attachProcess(process.start(c, incident));
    audit.save(new CaseAudit(c.getCaseRef(), receivedBy, "CREATED", now));
    log.info(
        "case {} opened for incident {}: route {}, team {}",
        c.getCaseRef(),
        incident.getIncidentRef(),
        decision.route(),
        decision.team());
    return receipt(c, incident);
  }

  private CallReceipt link(CaseRecord c, Incident incident, String receivedBy) {
    ResponseDecision decision =
        policy.decideForTeam(
            c.getTeam(), incident.getGrade(), incident.getCategory(), incident.getReportedAt());
    incident.joinCase(c, Route.LINKED_TO_OPEN_CASE, decision.responseDueAt());
    incidents.saveAndFlush(incident);
    process.reportRepeatIncident(c, incident, decision.priority());
    audit.save(new CaseAudit(c.getCaseRef(), receivedBy, "REPEAT_INCIDENT", incident.getReceivedAt()));
    log.info("incident {} joined open case {}", incident.getIncidentRef(), c.getCaseRef());
    return receipt(c, incident);
  }

  /** A subject with the same name and date of birth in an open case: the oldest such case. */
  private Optional<CaseRecord> findOpenCaseFor(CallRequest call) {
    return call.subjects().stream()
        .filter(p -> p.dateOfBirth() != null)
        .flatMap(
            p ->
                cases
                    .findOpenCasesWithSubject(Subject.matchName(p.name()), p.dateOfBirth())
                    .stream())
        .filter(c -> c.getTeam() != null)
        .findFirst();
  }

  private CallReceipt receipt(CaseRecord c, Incident incident) {
    return new CallReceipt(
        c.getCaseRef(),
        incident.getIncidentRef(),
        incident.getRoute(),
        incident.getResponseDueAt() == null
            ? null
            : incident.getResponseDueAt().atZone(zone).toOffsetDateTime(),
        c.getProcessInstanceId());
  }
}
