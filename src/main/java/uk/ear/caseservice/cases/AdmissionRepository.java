package uk.ear.caseservice.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AdmissionRepository extends JpaRepository<Admission, Long> {

  Optional<Admission> findByAdmissionRef(String admissionRef);

  List<Admission> findByCaseRecordOrderById(CaseRecord caseRecord);
}
