package uk.ear.workers.caseservice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/cases/{caseRef}/handover-pack}: everything the receiving service needs,
 * personal data included. It goes into the PDF only; never into logs, mail bodies or variables.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HandoverPack(
    String caseRef,
    String team,
    Integer grade,
    String category,
    String district,
    OffsetDateTime reportedAt,
    OffsetDateTime openedAt,
    String allocatedWorker,
    String stage,
    List<String> incidentRefs,
    List<Subject> subjects,
    List<Entry> entries) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Subject(String name, LocalDate dateOfBirth, String role) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      String kind,
      String outcome,
      OffsetDateTime occurredAt,
      OffsetDateTime recordedAt,
      String recordedBy,
      String details) {}

  public List<String> incidentRefs() {
    return incidentRefs == null ? List.of() : incidentRefs;
  }

  public List<Subject> subjects() {
    return subjects == null ? List.of() : subjects;
  }

  public List<Entry> entries() {
    return entries == null ? List.of() : entries;
  }
}
