package uk.ear.caseservice.cases;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading cases on behalf of a user, with the audit trail data protection asks for. */
@Service
public class CaseLookup {

  private final CaseRepository cases;
  private final CaseAccess access;
  private final CaseAuditRepository audit;
  private final Clock clock;

  public CaseLookup(
      CaseRepository cases, CaseAccess access, CaseAuditRepository audit, Clock clock) {
    this.cases = cases;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** The case if it exists and the user may see it; every read is audited. */
  @Transactional
  public Optional<CaseRecord> read(String caseRef, String user, Set<String> groups) {
    Optional<CaseRecord> found =
        cases.findByCaseRef(caseRef).filter(c -> access.canRead(c, user, groups));
    found.ifPresent(
        c -> {
          c.getIncidents().size();
          audit.save(new CaseAudit(c.getCaseRef(), user, "VIEWED", clock.instant()));
        });
    return found;
  }
}
