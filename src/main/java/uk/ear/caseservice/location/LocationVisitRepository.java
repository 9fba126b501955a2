package uk.ear.caseservice.location;

import org.springframework.data.jpa.repository.JpaRepository;

interface LocationVisitRepository extends JpaRepository<LocationVisit, Long> {}
