package uk.ear.caseservice.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What a receiving service needs to take a case on: the case, the people in it and what the team
 * recorded. Read by the handover worker to build the pack it emails; it carries personal data, so
 * only the team, admins and a worker holding one of the case's tasks may read it.
 */
public record HandoverPack(
    String caseRef,
    String team,
    Integer grade,
    Category category,
    District district,
    Stage stage,
    OffsetDateTime reportedAt,
    OffsetDateTime openedAt,
    String allocatedWorker,
    List<String> incidentRefs,
    List<Person> subjects,
    List<Entry> entries) {

  public record Person(String name, LocalDate dateOfBirth, SubjectRole role) {}

  public record Entry(
      String kind,
      String outcome,
      OffsetDateTime occurredAt,
      OffsetDateTime recordedAt,
      String recordedBy,
      String details) {}

  static HandoverPack of(CaseRecord c, List<Subject> subjects, List<CaseEntry> entries, ZoneId zone) {
    return new HandoverPack(
        c.getCaseRef(),
        c.getTeam(),
        c.getGrade(),
        c.getCategory(),
        c.getDistrict(),
        c.getStage(),
        CaseView.at(c.getReportedAt(), zone),
        CaseView.at(c.getOpenedAt(), zone),
        c.getAllocatedWorker(),
        c.getIncidents().stream().map(Incident::getIncidentRef).toList(),
        subjects.stream().map(s -> new Person(s.getName(), s.getDateOfBirth(), s.getRole())).toList(),
        entries.stream()
            .map(
                e ->
                    new Entry(
                        e.getKind(),
                        e.getOutcome(),
                        CaseView.at(e.getOccurredAt(), zone),
                        CaseView.at(e.getRecordedAt(), zone),
                        e.getRecordedBy(),
                        e.getDetails()))
            .toList());
  }

}
