package uk.ear.caseservice.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseEntryRepository extends JpaRepository<CaseEntry, Long> {

  @Query("select e from CaseEntry e where e.caseRecord = :caseRecord order by e.recordedAt, e.id")
  List<CaseEntry> findByCaseRecordOrderByRecordedAtAscIdAsc(@Param("caseRecord") CaseRecord caseRecord);

  @Query(
      "select count(e) > 0 from CaseEntry e"
          + " where e.caseRecord = :caseRecord and e.recordedBy = :recordedBy and e.recordedAt > :after")
  boolean existsByCaseRecordAndRecordedByAndRecordedAtAfter(
      @Param("caseRecord") CaseRecord caseRecord,
      @Param("recordedBy") String recordedBy,
      @Param("after") java.time.Instant after);
}
