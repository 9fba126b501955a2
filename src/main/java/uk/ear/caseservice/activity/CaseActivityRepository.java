package uk.ear.caseservice.activity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseActivityRepository extends JpaRepository<CaseActivity, Long> {

  List<CaseActivity> findByCaseRecordCaseRefOrderById(String caseRef);
}
