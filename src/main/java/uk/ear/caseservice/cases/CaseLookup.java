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
    return readAs(caseRef, "VIEWED", caller.user(), c -> access.canRead(c, caller));
  }

  /** Everything a receiving service needs, people and notes included; audited as such. */
  @Transactional
  public Optional<HandoverPack> handoverPack(String caseRef, CaseAccess.Caller caller, java.time.ZoneId zone) {
    return readAs(caseRef, "HANDOVER_PACK_READ", caller.user(), c -> access.canReadRecord(c, caller))
        .map(
            c ->
                HandoverPack.of(
                    c,
                    c.getIncidents().stream().flatMap(i -> i.getSubjects().stream()).toList(),
                    entries.findByCaseRecordOrderByRecordedAtAscIdAsc(c),
                    zone));
  }

  private Optional<CaseRecord> readAs(
      String caseRef, String action, String user, java.util.function.Predicate<CaseRecord> allowed) {
    Optional<CaseRecord> found = cases.findByCaseRef(caseRef).filter(allowed);
    found.ifPresent(
        c -> {
          c.getIncidents().size();
          audit.save(new CaseAudit(c.getCaseRef(), user, action, clock.instant()));
        });
    return found;
  }
}
