package uk.ear.caseservice.cases;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IncidentRepository extends JpaRepository<Incident, Long> {

  @EntityGraph(attributePaths = "caseRecord")
  Optional<Incident> findByIncidentRef(String incidentRef);
}
