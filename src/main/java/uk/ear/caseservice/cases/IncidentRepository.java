package uk.ear.caseservice.cases;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IncidentRepository extends JpaRepository<Incident, Long> {

  @Query("select i from Incident i join fetch i.caseRecord where i.incidentRef = :incidentRef")
  Optional<Incident> findByIncidentRef(@Param("incidentRef") String incidentRef);
}
