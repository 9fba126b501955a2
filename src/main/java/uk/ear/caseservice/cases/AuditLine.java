package uk.ear.caseservice.cases;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** One line of a case's audit trail as people read it: in the service's time zone. */
public record AuditLine(
    OffsetDateTime at, String user, String action, String channel, String detail, boolean refused) {

  public static AuditLine of(CaseAudit audit, ZoneId zone) {
    return new AuditLine(
        CaseView.at(audit.getAt(), zone),
        audit.getUsername(),
        audit.getAction(),
        audit.getChannel(),
        audit.getDetail(),
        audit.isRefused());
  }
}
