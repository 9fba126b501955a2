package uk.ear.caseservice.cases;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading cases on behalf of a user, with the audit trail data protection asks for. */
@Service
public class CaseLookup {

  private final CaseRepository cases;
  private final CaseEntryRepository entries;
  private final CaseAccess access;
  private final CaseAuditRepository audit;
  private final Clock clock;

  public CaseLookup(
      CaseRepository cases,
      CaseEntryRepository entries,
      CaseAccess access,
      CaseAuditRepository audit,
      Clock clock) {
    this.cases = cases;
    this.entries = entries;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** The case if it exists and the user may see it; every read is audited. */
  @Transactional
  public Optional<CaseRecord> read(String caseRef, CaseAccess.Caller caller) {
    return readAs(caseRef, "VIEWED", "API", "case", caller.user(), c -> access.canRead(c, caller));
  }

  /** Everything a receiving service needs, people and notes included; audited as such. */
  @Transactional
  public Optional<HandoverPack> handoverPack(String caseRef, CaseAccess.Caller caller, java.time.ZoneId zone) {
    return readAs(
            caseRef, "HANDOVER_PACK_READ", "HANDOVER_PACK", "people, incidents and notes",
            caller.user(), c -> access.canReadRecord(c, caller))
        .map(
            c ->
                HandoverPack.of(
                    c,
                    c.getIncidents().stream().flatMap(i -> i.getSubjects().stream()).toList(),
                    entries.findByCaseRecordOrderByRecordedAtAscIdAsc(c),
                    zone));
  }

  /**
   * The case record for the case page: its people and notes, for those who may read the record
   * (the team, EDT while it works on the case, admin). Audited as a read of the record.
   */
  @Transactional
  public Optional<CaseRecord> casePage(String caseRef, CaseAccess.Caller caller, String detail) {
    Optional<CaseRecord> found =
        readAs(caseRef, "CASE_PAGE_READ", "CASE_PAGE", detail, caller.user(), c -> access.canReadRecord(c, caller));
    found.ifPresent(c -> c.getIncidents().forEach(i -> i.getSubjects().size()));
    return found;
  }

  /**
   * Who looked at the case, and what was done with it: for the managers of the case's team and
   * for administrators. Reading the trail is itself audited.
   */
  @Transactional
  public Optional<java.util.List<CaseAudit>> auditTrail(String caseRef, CaseAccess.Caller caller) {
    return readAs(
            caseRef, "AUDIT_READ", "API", "audit trail", caller.user(),
            c -> access.isOwnTeams(c, caller.groups())
                && (caller.groups().contains(uk.ear.caseservice.shared.Teams.MANAGERS_GROUP)
                    || caller.groups().contains(uk.ear.caseservice.shared.Teams.ADMIN_GROUP)))
        .map(c -> audit.findByCaseRefOrderByIdAsc(c.getCaseRef()));
  }

  /** Reads the case if allowed; a read of an existing case is audited, a refused one as such. */
  private Optional<CaseRecord> readAs(
      String caseRef,
      String action,
      String channel,
      String detail,
      String user,
      java.util.function.Predicate<CaseRecord> allowed) {
    Optional<CaseRecord> existing = cases.findByCaseRef(caseRef);
    Optional<CaseRecord> found = existing.filter(allowed);
    existing.ifPresent(
        c ->
            audit.save(
                new CaseAudit(
                    c.getCaseRef(), user, action, clock.instant(), channel, detail,
                    found.isEmpty())));
    found.ifPresent(c -> c.getIncidents().size());
    return found;
  }
}
