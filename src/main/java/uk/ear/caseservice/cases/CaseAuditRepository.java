package uk.ear.caseservice.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseAuditRepository extends JpaRepository<CaseAudit, Long> {

  @Query("select a from CaseAudit a where a.caseRef = :caseRef order by a.id")
  List<CaseAudit> findByCaseRefOrderByIdAsc(@Param("caseRef") String caseRef);
}
