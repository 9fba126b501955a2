package uk.ear.workers.caseservice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/** What the workers read of {@code GET /api/cases/{caseRef}}: references and facts, no people. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseSummary(
    String caseRef,
    List<String> incidentRefs,
    String stage,
    String team,
    Integer grade,
    String category,
    String district,
    OffsetDateTime reportedAt,
    OffsetDateTime responseDueAt,
    OffsetDateTime visitedAt,
    Boolean respondedInTime,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt) {

  public List<String> incidentRefs() {
    return incidentRefs == null ? List.of() : incidentRefs;
  }
}
