package uk.ear.caseservice.location;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import uk.ear.caseservice.cases.District;

/** A registered location as the API shows it. */
public record LocationView(
    Long locationId,
    String name,
    LocationKind kind,
    District district,
    String address,
    String visitEvery,
    LocalDate nextVisitDue,
    boolean visitOpen,
    OffsetDateTime lastVisitedAt) {}
