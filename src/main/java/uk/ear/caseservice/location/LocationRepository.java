package uk.ear.caseservice.location;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import uk.ear.caseservice.cases.District;

interface LocationRepository extends JpaRepository<VulnerableLocation, Long> {

  List<VulnerableLocation> findByDistrictInOrderByNextVisitDueAscIdAsc(Collection<District> districts);

  List<VulnerableLocation> findByPlannedByAndVisitOpenTrueOrderById(String plannedBy);

  List<VulnerableLocation> findByVisitOpenFalseAndNextVisitDueLessThanEqualOrderByNextVisitDueAscIdAsc(LocalDate day);
}
