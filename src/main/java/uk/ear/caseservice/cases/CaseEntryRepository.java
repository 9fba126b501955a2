package uk.ear.caseservice.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseEntryRepository extends JpaRepository<CaseEntry, Long> {

  List<CaseEntry> findByCaseRecordOrderByRecordedAtAscIdAsc(CaseRecord caseRecord);

  boolean existsByCaseRecordAndRecordedByAndRecordedAtAfter(
      CaseRecord caseRecord, String recordedBy, java.time.Instant after);
}
