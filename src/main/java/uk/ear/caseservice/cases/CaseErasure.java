package uk.ear.caseservice.cases;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a closed case's personal data from the service's tables, keeping what the figures need
 * (grade, category, district, team, the times, whether the window was met, how it closed): the
 * people go, so do the workers' entries; the calls keep their references but lose their location,
 * summary and officer; hospital admissions their summary and contact. The case is marked erased and the erasure audited. When to erase, and the
 * engine's history, are the retention job's ({@code privacy.RetentionJob}).
 */
@Service
public class CaseErasure {

  static final String ERASED = "[erased]";

  private final EntityManager entities;
  private final CaseAuditRepository audit;
  private final Clock clock;

  public CaseErasure(EntityManager entities, CaseAuditRepository audit, Clock clock) {
    this.entities = entities;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(CaseRecord c, String by) {
    entities
        .createQuery("delete from Subject s where s.caseRecord = :c")
        .setParameter("c", c)
        .executeUpdate();
    entities
        .createQuery("delete from CaseEntry e where e.caseRecord = :c")
        .setParameter("c", c)
        .executeUpdate();
    entities
        .createQuery(
            "update Incident i set i.location = :erased, i.summary = :erased,"
                + " i.officerName = null, i.officerCollar = null where i.caseRecord = :c")
        .setParameter("erased", ERASED)
        .setParameter("c", c)
        .executeUpdate();
    entities
        .createQuery(
            "update Admission a set a.summary = :erased, a.contactName = null, a.contactPhone = null"
                + " where a.caseRecord = :c")
        .setParameter("erased", ERASED)
        .setParameter("c", c)
        .executeUpdate();
    c.markErased(clock.instant());
    audit.save(new CaseAudit(c.getCaseRef(), by, "ERASED", clock.instant()));
  }
}
