package uk.ear.caseservice.activity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseActivityRepository extends JpaRepository<CaseActivity, Long> {

  @Query("select a from CaseActivity a where a.caseRecord.caseRef = :caseRef order by a.id")
  List<CaseActivity> findByCaseRecordCaseRefOrderById(@Param("caseRef") String caseRef);
}
