package uk.ear.caseservice.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseAuditRepository extends JpaRepository<CaseAudit, Long> {

  List<CaseAudit> findByCaseRefOrderByIdAsc(String caseRef);
}
