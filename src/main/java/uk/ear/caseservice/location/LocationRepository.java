package uk.ear.caseservice.location;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import uk.ear.caseservice.cases.District;

interface LocationRepository extends JpaRepository<VulnerableLocation, Long> {

  @Query("select l from VulnerableLocation l where l.district in :districts order by l.nextVisitDue, l.id")
  List<VulnerableLocation> findByDistrictInOrderByNextVisitDueAscIdAsc(@Param("districts") Collection<District> districts);

  @Query("select l from VulnerableLocation l where l.plannedBy = :plannedBy and l.visitOpen = true order by l.id")
  List<VulnerableLocation> findByPlannedByAndVisitOpenTrueOrderById(@Param("plannedBy") String plannedBy);

  @Query(
      "select l from VulnerableLocation l where l.visitOpen = false and l.nextVisitDue <= :day"
          + " order by l.nextVisitDue, l.id")
  List<VulnerableLocation> findByVisitOpenFalseAndNextVisitDueLessThanEqualOrderByNextVisitDueAscIdAsc(@Param("day") LocalDate day);
}
