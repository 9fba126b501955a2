package uk.ear.caseservice.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AdmissionRepository extends JpaRepository<Admission, Long> {

  @Query("select a from Admission a where a.admissionRef = :admissionRef")
  Optional<Admission> findByAdmissionRef(@Param("admissionRef") String admissionRef);

  @Query("select a from Admission a where a.caseRecord = :caseRecord order by a.id")
  List<Admission> findByCaseRecordOrderById(@Param("caseRecord") CaseRecord caseRecord);
}
